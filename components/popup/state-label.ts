import type { EvaluationState } from '../../lib/engine/types';
import { t } from '../../lib/i18n';

/** The evaluation state in words (the badge's words, so both say the same). */
export function stateLabel(state: EvaluationState): string {
  switch (state) {
    case 'ok':
      return t('inpageStateOk');
    case 'warning':
      return t('inpageStateWarning');
    case 'notify':
      return t('inpageStateNotify');
    case 'overdue':
      return t('inpageStateOverdue');
    case 'paused':
      return t('inpageStatePaused');
    case 'stopped':
      return t('inpageStateStopped');
    case 'unknown':
      return t('inpageStateUnknown');
  }
}

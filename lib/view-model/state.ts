import type { EvaluationState } from '../engine/types';
import type { MessageKey } from '../i18n/t';

/**
 * The one set of states a surface can show, and the one word for each. 'checking' belongs to a
 * view row whose ticket history is not known yet: neutral, never a state the history could
 * contradict.
 */

export type ViewState = EvaluationState | 'checking';

export const EVALUATION_STATES: readonly EvaluationState[] = ['unknown', 'stopped', 'paused', 'overdue', 'notify', 'warning', 'ok'];
export const VIEW_STATES: readonly ViewState[] = [...EVALUATION_STATES, 'checking'];

const STATE_WORDS: Record<ViewState, MessageKey> = {
  ok: 'inpageStateOk',
  warning: 'inpageStateWarning',
  notify: 'inpageStateNotify',
  overdue: 'inpageStateOverdue',
  paused: 'inpageStatePaused',
  stopped: 'inpageStateStopped',
  unknown: 'inpageStateUnknown',
  checking: 'inpageStateChecking',
};

/** The catalog key of a state's words; every surface says a state with this one key. */
export function stateWordKey(state: ViewState): MessageKey {
  return STATE_WORDS[state];
}

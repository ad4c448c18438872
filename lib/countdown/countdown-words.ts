import { t, type MessageKey } from '../i18n';
import type { CountdownWords } from './format';

/** The countdown's units in the UI language (browser.i18n unless another catalog is given). */
export function countdownWords(translate: (key: MessageKey, substitutions?: string[]) => string = t): CountdownWords {
  return {
    day: translate('inpageCountdownDay'),
    hour: translate('inpageCountdownHour'),
    minute: translate('inpageCountdownMinute'),
    second: translate('inpageCountdownSecond'),
    overdue: translate('inpageCountdownOverdue', ['$1']),
  };
}

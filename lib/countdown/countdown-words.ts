import { t } from '../i18n';
import type { CountdownWords } from './format';

/** The countdown's units in the UI language. */
export function countdownWords(): CountdownWords {
  return {
    day: t('inpageCountdownDay'),
    hour: t('inpageCountdownHour'),
    minute: t('inpageCountdownMinute'),
    second: t('inpageCountdownSecond'),
    overdue: t('inpageCountdownOverdue', '$1'),
  };
}

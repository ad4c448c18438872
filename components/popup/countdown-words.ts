import type { CountdownWords } from '../../lib/countdown';
import { t } from '../../lib/i18n';

/** Countdown units in the UI language (the same words as the in-page badge). */
export function countdownWords(): CountdownWords {
  return {
    day: t('inpageCountdownDay'),
    hour: t('inpageCountdownHour'),
    minute: t('inpageCountdownMinute'),
    second: t('inpageCountdownSecond'),
    overdue: t('inpageCountdownOverdue', '$1'),
  };
}

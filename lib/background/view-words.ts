import { countdownWords } from '../countdown/countdown-words';
import { formatDuration } from '../countdown/format';
import { formatInstant, t, uiLanguage } from '../i18n';
import type { ViewWords } from '../view-model/words';

/** The view model's words in the browser's UI language (browser.i18n and Intl), looked up when used. */
export function uiViewWords(): ViewWords {
  return {
    t,
    formatInstant: (at, zone) => formatInstant(at, zone, uiLanguage()),
    formatDuration: (ms) => formatDuration(ms, countdownWords()),
  };
}

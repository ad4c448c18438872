import { countdownWords } from '../../lib/countdown/countdown-words';
import { formatDuration } from '../../lib/countdown/format';
import { formatInstant, t, uiLanguage } from '../../lib/i18n';
import type { ViewWords } from '../../lib/view-model/words';

/** The view model's words in the popup: the UI language through browser.i18n and Intl (as the background's view-words). */
export function popupWords(): ViewWords {
  const units = countdownWords();
  return {
    t: (key, substitutions) => t(key, substitutions),
    formatInstant: (at, zone) => formatInstant(at, zone, uiLanguage()),
    formatDuration: (ms) => formatDuration(ms, units),
  };
}

import type { MessageKey, Substitutions } from '../i18n/t';

/**
 * How views turn facts into words, passed in so the view model stays pure: browser.i18n and
 * Intl in the extension, the English catalog in tests.
 */
export interface ViewWords {
  t: (key: MessageKey, substitutions?: Substitutions) => string;
  /** An instant as the UI shows it in an IANA zone, e.g. "Tue 14 Jul 16:02". */
  formatInstant: (at: Date, timeZone: string) => string;
  /** A duration, e.g. "4 h 10 min". */
  formatDuration: (ms: number) => string;
}

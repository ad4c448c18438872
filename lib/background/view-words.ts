import { countdownWords } from '../countdown/countdown-words';
import { formatDuration } from '../countdown/format';
import { formatInstant, type Substitutions } from '../i18n';
import type { ViewWords } from '../view-model/words';
import type { BackgroundPorts } from './ports';

const asStrings = (subs: Substitutions | undefined): string[] | undefined =>
  subs === undefined ? undefined : (Array.isArray(subs) ? subs : [subs]).map(String);

/** The view model's words in the UI language, through the background's ports (browser.i18n and Intl; a catalog in tests). */
export function viewWords(ports: Pick<BackgroundPorts, 't' | 'locale'>): ViewWords {
  return {
    t: (key, substitutions) => ports.t(key, asStrings(substitutions)),
    formatInstant: (at, zone) => formatInstant(at, zone, ports.locale()),
    formatDuration: (ms) => formatDuration(ms, countdownWords(ports.t)),
  };
}

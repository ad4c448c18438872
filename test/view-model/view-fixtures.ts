import { formatDuration } from '../../lib/countdown';
import { messageFromCatalog, type MessageKey, type Substitutions } from '../../lib/i18n';
import { emptyDirectory, type Directory } from '../../lib/people';
import { defaultPolicy } from '../../lib/policy';
import type { ViewContext, ViewWords } from '../../lib/view-model';
import en from '../../public/_locales/en/messages.json';

/** The view model's words in English from the catalog, instants as "2026-07-14 08:00 UTC" whatever the zone. */
export const englishWords: ViewWords = {
  t: (key: MessageKey, subs?: Substitutions) =>
    messageFromCatalog(en, key, subs === undefined ? undefined : (Array.isArray(subs) ? subs : [subs]).map(String)),
  formatInstant: (at: Date) => `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
  formatDuration: (ms: number) => formatDuration(ms),
};

export function viewContext(now: Date, overrides: Partial<ViewContext> = {}): ViewContext {
  return { policy: defaultPolicy, directory: emptyDirectory(), now, organization: null, words: englishWords, ...overrides };
}

/** A directory naming someone for the default policy's roles: a Sales Rep for Acme, a director rotation, office holders. */
export function seededDirectory(): Directory {
  return {
    roles: {
      'district-sales-manager': { '*': [{ name: 'Dana Wu', email: 'dana.wu@example.com' }] },
      'escalation-director': { '*': [{ name: 'Office Director', email: 'office.director@example.com' }] },
    },
    salesReps: [{ organization: 'Acme Corp', person: { name: 'Jane Doe', email: 'jane.doe@example.com' } }],
    directorRotations: {
      '*': {
        anchorDate: '2026-01-05',
        handoverTime: '09:00',
        timeZone: 'UTC',
        people: [{ name: 'Lee Chen', email: 'lee.chen@example.com' }],
      },
    },
  };
}

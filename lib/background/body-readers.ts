import type { HelpdeskSystem } from '../engine/types';
import type { FetchedTicket, HelpdeskInBackground } from '../helpdesks/contract';
import { jira } from '../helpdesks/jira';
import { zendesk } from '../helpdesks/zendesk';

/** A helpdesk's background half with the stored mapping applied: parse, or hand the mapping to a page. */
export interface BodyReader {
  mapping: Record<string, unknown>;
  parse(raw: unknown, now: Date, where?: string): FetchedTicket;
}

function bodyReader<Mapping extends Record<string, unknown>>(helpdesk: HelpdeskInBackground<Mapping>) {
  return (stored: unknown): BodyReader => {
    // A stored mapping that no longer parses fails the request with its own error, visible in the page's log.
    const mapping = helpdesk.mappingFrom(stored);
    return {
      mapping,
      parse: (raw, now, where) => helpdesk.fetchedFromRaw(raw, mapping, now, where),
    };
  };
}

export const bodyReaders: Record<HelpdeskSystem, (stored: unknown) => BodyReader> = {
  zendesk: bodyReader(zendesk),
  jira: bodyReader(jira),
};

/**
 * Whether a raw read carries the ticket's full history: a Zendesk read with its audits, a Jira
 * issue with its changelog (list reads complete every changelog and comment page, see
 * jira/rest-reads.ts). Zendesk's show_many carries none.
 */
export function carriesHistory(system: HelpdeskSystem, raw: Record<string, unknown>): boolean {
  if (system === 'zendesk') return Array.isArray(raw.audits);
  const issue = raw.issue;
  return typeof issue === 'object' && issue !== null && 'changelog' in issue;
}

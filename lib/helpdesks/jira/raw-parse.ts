import { z } from 'zod';
import type { Ticket } from '../../engine/types';
import { HelpdeskError, type FetchedTicket, type NativeSlaTarget } from '../contract';
import { parseOrMalformed } from '../http';
import { nativeSlaFromJsm } from './jsm-sla-targets';
import { isServiceDeskIssue, ticketFromJiraIssue } from './map';
import type { JiraMapping } from './mapping';
import { jiraIssueSchema, parseJiraBody, type JiraIssue } from './schemas';

/**
 * The background half of a Jira read: what a page fetched (rest-reads.ts) → ticket, version and
 * JSM's own SLA targets. Pure.
 */

export interface JiraFetchedTicket extends FetchedTicket {
  /** Service (JSM) project: acknowledgement notes go in internal comments there. */
  serviceProject: boolean;
}

const rawIssueSchema = z.looseObject({
  issue: z.unknown(),
  sla: z.array(z.unknown(), { error: 'expected a list of SLA values' }).optional(),
  sideReadGaps: z.array(z.string()).optional(),
});

/**
 * Throws HelpdeskError('malformed') naming the path, e.g. "Jira issue: fields.created: …". JSM's
 * SLA is a side read: a body we cannot read is a gap said in the explanation, never a failed issue.
 */
export function fetchedFromJiraRaw(raw: unknown, mapping: JiraMapping, now?: Date, where = 'issue'): JiraFetchedTicket {
  const body = parseOrMalformed(rawIssueSchema, raw);
  const issue = malformedOnError(() => parseJiraBody(jiraIssueSchema, body.issue, where));
  let ticket = mapIssue(issue, mapping);
  if (body.sideReadGaps?.length) ticket = { ...ticket, gaps: [...(ticket.gaps ?? []), ...body.sideReadGaps] };
  let nativeSla: NativeSlaTarget[] = [];
  if (body.sla) {
    try {
      nativeSla = nativeSlaFromJsm(body.sla, now ?? null);
    } catch (error) {
      if (!(error instanceof HelpdeskError)) throw error;
      ticket = { ...ticket, gaps: [...(ticket.gaps ?? []), `Jira Service Management's own SLA could not be read (${error.message}), so no cross-check`] };
    }
  }
  return { ticket, version: issue.fields.updated, nativeSla, serviceProject: isServiceDeskIssue(issue) };
}

function mapIssue(issue: JiraIssue, mapping: JiraMapping): Ticket {
  return malformedOnError(() => ticketFromJiraIssue(issue, mapping));
}

/** The mapper and body parser throw plain errors naming the field; to the caller they are malformed bodies. */
function malformedOnError<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof HelpdeskError) throw error;
    throw new HelpdeskError('malformed', error instanceof Error ? error.message : String(error));
  }
}

import type { HelpdeskIo } from '../contract';
import type { JiraMapping } from './mapping';
import { fetchedFromJiraRaw, type JiraFetchedTicket } from './raw-parse';
import { fetchRawIssue, fetchRawIssues } from './rest-reads';

/**
 * Jira REST read and parsed in one go, for the background's own refresh and for tests: the
 * page's reads (rest-reads.ts) followed by the background's parsing (raw-parse.ts).
 */

export type { JiraFetchedTicket } from './raw-parse';

export async function fetchJiraTicket(id: string, io: HelpdeskIo, mapping: JiraMapping): Promise<JiraFetchedTicket> {
  const read = await fetchRawIssue(id, io, mapping);
  return fetchedFromJiraRaw(read.raw, mapping, io.now?.() ?? new Date());
}

/** Tickets of a list view, with history; keys the agent cannot see are missing from the result. */
export async function fetchManyJiraTickets(ids: string[], io: HelpdeskIo, mapping: JiraMapping): Promise<JiraFetchedTicket[]> {
  const reads = await fetchRawIssues(ids, io, mapping);
  const now = io.now?.() ?? new Date();
  return reads.map((read, index) => fetchedFromJiraRaw(read.raw, mapping, now, `search result ${index}`));
}

export { writeJiraComment, type WriteCommentOptions } from './comments';

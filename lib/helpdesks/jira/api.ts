import type { Ticket } from '../../engine/types';
import { HelpdeskError, type FetchedTicket, type HelpdeskIo, type NativeSlaTarget } from '../contract';
import { getJson, sendJson } from '../http';
import { textToAdf } from './adf-text';
import { completeIssue } from './issue-pages';
import { fetchJsmSlas } from './jsm-sla';
import { isServiceDeskIssue, ticketFromJiraIssue } from './map';
import type { JiraMapping } from './mapping';
import { apiVersionFor, assertIssueKey, issueFieldsParam, issuePath, restUrl, type JiraApiVersion } from './rest-paths';
import {
  jiraIssueSchema,
  jiraSearchJqlPageSchema,
  jiraSearchPageSchema,
  parseJiraBody,
  type JiraIssue,
} from './schemas';

/**
 * Jira REST with the agent's session: Cloud v3, Data Center v2 (optionally under a context path
 * carried in `io.origin`). Reads go through the shared HTTP layer (errors, retries, Retry-After).
 */

export interface JiraFetchedTicket extends FetchedTicket {
  /** Service (JSM) project: acknowledgement notes go in internal comments there. */
  serviceProject: boolean;
}

const EXPAND = 'changelog,names';

export async function fetchJiraTicket(id: string, io: HelpdeskIo, mapping: JiraMapping): Promise<JiraFetchedTicket> {
  const key = assertIssueKey(id);
  const version = apiVersionFor(io, mapping);
  const first = await getJson(
    restUrl(io, issuePath(version, key), { fields: issueFieldsParam(mapping), expand: EXPAND }),
    io,
    { schema: jiraIssueSchema },
  );
  const issue = await completeIssue(first, version, io);
  const serviceProject = isServiceDeskIssue(issue);
  const nativeSla: NativeSlaTarget[] = serviceProject ? await fetchJsmSlas(issue.key, io) : [];
  return { ticket: mapIssue(issue, mapping), version: issue.fields.updated, nativeSla, serviceProject };
}

function mapIssue(issue: JiraIssue, mapping: JiraMapping): Ticket {
  try {
    return ticketFromJiraIssue(issue, mapping);
  } catch (error) {
    throw new HelpdeskError('malformed', error instanceof Error ? error.message : String(error));
  }
}

/** Keys per search: JQL stays short and one page usually holds the whole chunk. */
const CHUNK = 50;
const MAX_PAGES = 20;

/**
 * Tickets of a list view, with history (the search expands the changelog; long comment threads and
 * changelogs are completed per issue). Native SLAs are left out: one request per row is too many.
 * Keys the agent cannot see are missing from the result.
 */
export async function fetchManyJiraTickets(ids: string[], io: HelpdeskIo, mapping: JiraMapping): Promise<JiraFetchedTicket[]> {
  const keys = [...new Set(ids.map(assertIssueKey))];
  const version = apiVersionFor(io, mapping);
  const found = new Map<string, JiraFetchedTicket>();
  for (let i = 0; i < keys.length; i += CHUNK) {
    const chunk = keys.slice(i, i + CHUNK);
    for (const fetched of await searchChunk(chunk, version, io, mapping)) found.set(fetched.ticket.id, fetched);
  }
  return keys.flatMap((key) => found.get(key) ?? []);
}

async function searchChunk(
  keys: string[],
  version: JiraApiVersion,
  io: HelpdeskIo,
  mapping: JiraMapping,
): Promise<JiraFetchedTicket[]> {
  let raw: Array<{ issue: unknown; names: Record<string, string> | undefined }>;
  try {
    raw = version === 3 ? await searchJql(keys, io, mapping) : await searchOffset(keys, io, mapping);
  } catch (error) {
    // JQL fails as a whole (400) when one key no longer exists or moved: fall back to one by one.
    if (error instanceof HelpdeskError && error.status === 400 && keys.length > 1) return oneByOne(keys, io, mapping);
    throw error;
  }
  const tickets: JiraFetchedTicket[] = [];
  for (const [index, { issue: body, names }] of raw.entries()) {
    const withNames = names && typeof body === 'object' && body !== null ? { names, ...body } : body;
    let parsed: JiraIssue;
    try {
      parsed = parseJiraBody(jiraIssueSchema, withNames, `search result ${index}`);
    } catch (error) {
      throw new HelpdeskError('malformed', error instanceof Error ? error.message : String(error));
    }
    const issue = await completeIssue(parsed, version, io);
    tickets.push({ ticket: mapIssue(issue, mapping), version: issue.fields.updated, nativeSla: [], serviceProject: isServiceDeskIssue(issue) });
  }
  return tickets;
}

async function oneByOne(keys: string[], io: HelpdeskIo, mapping: JiraMapping): Promise<JiraFetchedTicket[]> {
  const tickets: JiraFetchedTicket[] = [];
  for (const key of keys) {
    try {
      tickets.push(await fetchJiraTicket(key, io, mapping));
    } catch (error) {
      if (error instanceof HelpdeskError && (error.kind === 'notFound' || error.kind === 'forbidden')) continue;
      throw error;
    }
  }
  return tickets;
}

const jqlFor = (keys: string[]) => `key in (${keys.join(',')}) ORDER BY key ASC`;

/** Cloud: `/rest/api/3/search/jql`, paged by `nextPageToken`. */
async function searchJql(keys: string[], io: HelpdeskIo, mapping: JiraMapping) {
  const results: Array<{ issue: unknown; names: Record<string, string> | undefined }> = [];
  let nextPageToken: string | undefined;
  for (let pages = 0; pages < MAX_PAGES; pages++) {
    const page = await getJson(
      restUrl(io, '/rest/api/3/search/jql', {
        jql: jqlFor(keys),
        fields: issueFieldsParam(mapping),
        expand: EXPAND,
        maxResults: CHUNK,
        nextPageToken,
      }),
      io,
      { schema: jiraSearchJqlPageSchema },
    );
    results.push(...page.issues.map((issue) => ({ issue, names: page.names })));
    nextPageToken = page.nextPageToken ?? undefined;
    if (!nextPageToken || page.isLast === true) break;
  }
  return results;
}

/** Data Center: `/rest/api/2/search`, paged by `startAt`. */
async function searchOffset(keys: string[], io: HelpdeskIo, mapping: JiraMapping) {
  const results: Array<{ issue: unknown; names: Record<string, string> | undefined }> = [];
  for (let pages = 0; pages < MAX_PAGES; pages++) {
    const page = await getJson(
      restUrl(io, '/rest/api/2/search', {
        jql: jqlFor(keys),
        fields: issueFieldsParam(mapping),
        expand: EXPAND,
        startAt: results.length,
        maxResults: CHUNK,
        // Keys that no longer exist become warnings instead of failing the whole search.
        validateQuery: 'warn',
      }),
      io,
      { schema: jiraSearchPageSchema },
    );
    results.push(...page.issues.map((issue) => ({ issue, names: page.names })));
    if (page.issues.length === 0 || results.length >= page.total) break;
  }
  return results;
}

export interface WriteCommentOptions {
  /** Internal comment (service projects): hidden from the customer portal. */
  internal: boolean;
  /** Data Center's `meta[name="atlassian-token"]`, when the page has one. */
  atlassianToken?: string | null;
}

/**
 * Adds a comment, e.g. an acknowledgement note. Never retried (see sendJson). Internal comments
 * use the `sd.public.comment` property, which Cloud and Data Center service desks both honour.
 */
export async function writeJiraComment(
  id: string,
  text: string,
  io: HelpdeskIo,
  mapping: JiraMapping,
  options: WriteCommentOptions,
): Promise<{ id: string }> {
  const key = assertIssueKey(id);
  const version = apiVersionFor(io, mapping);
  const body: Record<string, unknown> = { body: version === 3 ? textToAdf(text) : text };
  if (options.internal) body.properties = [{ key: 'sd.public.comment', value: { internal: true } }];
  const url = restUrl(io, issuePath(version, key, '/comment'), { atl_token: options.atlassianToken ?? undefined });
  const created = await sendJson('POST', url, body, io, { 'X-Atlassian-Token': 'no-check' });
  const commentId = (created as { id?: unknown } | null)?.id;
  if (typeof commentId !== 'string') {
    throw new HelpdeskError('malformed', `${issuePath(version, key, '/comment')}: the created comment has no id`);
  }
  return { id: commentId };
}

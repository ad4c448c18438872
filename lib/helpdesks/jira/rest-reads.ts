import { HelpdeskError, type HelpdeskIo, type RawTicketRead } from '../contract';
import { getJson } from '../http';
import { isJsonObject, listAt, objectAt, optionalTextAt, textAt, textOrNull, type JsonObject } from '../json-shape';
import { completeIssue, isServiceDeskRaw } from './issue-pages';
import { fetchJsmSlaValues } from './jsm-sla';
import type { JiraMapping } from './mapping';
import { apiVersionFor, assertIssueKey, issueFieldsParam, issuePath, restUrl, type JiraApiVersion } from './rest-paths';

/**
 * Jira REST reads with the agent's session, done by the page: Cloud v3, Data Center v2
 * (optionally under a context path carried in `io.origin`). Issues are completed with every
 * comment and changelog page and passed on as Jira sent them; raw-parse.ts parses them.
 */

/** `raw` of an issue read. */
export type JiraRawIssue = {
  /** The issue body (`expand=changelog,names`) with every comment and history merged in. */
  issue: JsonObject;
  /** JSM's SLA `values`, read for service projects when a single issue is opened. */
  sla?: unknown[];
  /** Side reads that failed (JSM's SLA), said in the explanation (issue 13). */
  sideReadGaps?: string[];
};

const EXPAND = 'changelog,names';
/** Keys per search: JQL stays short and one page usually holds the whole chunk. */
const CHUNK = 50;
const MAX_SEARCH_PAGES = 20;

export async function fetchRawIssue(id: string, io: HelpdeskIo, mapping: JiraMapping): Promise<RawTicketRead> {
  const key = assertIssueKey(id);
  const version = apiVersionFor(io, mapping);
  const issue = await readIssue(key, version, io, mapping);
  const raw: JiraRawIssue = { issue };
  if (isServiceDeskRaw(issue)) {
    const gaps: string[] = [];
    raw.sla = await fetchJsmSlaValues(key, io, gaps);
    if (gaps.length > 0) raw.sideReadGaps = gaps;
  }
  return readOf(issue, raw);
}

async function readIssue(key: string, version: JiraApiVersion, io: HelpdeskIo, mapping: JiraMapping): Promise<JsonObject> {
  const body = await getJson(restUrl(io, issuePath(version, key), { fields: issueFieldsParam(mapping), expand: EXPAND }), io);
  return completeIssue(objectAt(body, `${key}: issue body`), version, io);
}

function readOf(issue: JsonObject, raw: JiraRawIssue = { issue }): RawTicketRead {
  const fields = isJsonObject(issue.fields) ? issue.fields : {};
  return { id: textAt(issue.key, 'issue.key'), version: textOrNull(fields.updated), raw };
}

/**
 * Issues of a list view, with history (the search expands the changelog; long comment threads
 * and changelogs are completed per issue). Native SLAs are left out: one request per row is too
 * many. Keys the agent cannot see are missing from the result.
 */
export async function fetchRawIssues(ids: string[], io: HelpdeskIo, mapping: JiraMapping): Promise<RawTicketRead[]> {
  const keys = [...new Set(ids.map(assertIssueKey))];
  const version = apiVersionFor(io, mapping);
  const found = new Map<string, RawTicketRead>();
  for (let i = 0; i < keys.length; i += CHUNK) {
    for (const read of await searchChunk(keys.slice(i, i + CHUNK), version, io, mapping)) found.set(read.id, read);
  }
  return keys.flatMap((key) => found.get(key) ?? []);
}

async function searchChunk(keys: string[], version: JiraApiVersion, io: HelpdeskIo, mapping: JiraMapping): Promise<RawTicketRead[]> {
  let results: unknown[];
  try {
    results = version === 3 ? await searchJql(keys, io, mapping) : await searchOffset(keys, io, mapping);
  } catch (error) {
    // JQL fails as a whole (400) when one key no longer exists or moved: fall back to one by one.
    if (error instanceof HelpdeskError && error.status === 400 && keys.length > 1) return oneByOne(keys, version, io, mapping);
    throw error;
  }
  const reads: RawTicketRead[] = [];
  for (const [index, result] of results.entries()) {
    const issue = objectAt(result, `search result ${index}`);
    // A search that left the changelog out (the `expand` ignored) would lose the history: read the issue itself.
    const complete =
      issue.changelog === undefined
        ? await readIssue(assertIssueKey(textAt(issue.key, `search result ${index}: key`)), version, io, mapping)
        : await completeIssue(issue, version, io);
    reads.push(readOf(complete));
  }
  return reads;
}

async function oneByOne(keys: string[], version: JiraApiVersion, io: HelpdeskIo, mapping: JiraMapping): Promise<RawTicketRead[]> {
  const reads: RawTicketRead[] = [];
  for (const key of keys) {
    try {
      reads.push(readOf(await readIssue(key, version, io, mapping)));
    } catch (error) {
      if (error instanceof HelpdeskError && (error.kind === 'notFound' || error.kind === 'forbidden')) continue;
      throw error;
    }
  }
  return reads;
}

const jqlFor = (keys: string[]) => `key in (${keys.join(',')}) ORDER BY key ASC`;

/** `expand=names` puts the field names on the page, not on each issue: each issue gets them. */
function issuesWithNames(page: JsonObject): unknown[] {
  const issues = listAt(page.issues, 'search page issues');
  const names = page.names;
  return isJsonObject(names) ? issues.map((issue) => (isJsonObject(issue) ? { names, ...issue } : issue)) : issues;
}

/** Cloud: `/rest/api/3/search/jql`, paged by `nextPageToken`. */
async function searchJql(keys: string[], io: HelpdeskIo, mapping: JiraMapping): Promise<unknown[]> {
  const results: unknown[] = [];
  let nextPageToken: string | undefined;
  for (let pages = 0; pages < MAX_SEARCH_PAGES; pages++) {
    const page = objectAt(
      await getJson(
        restUrl(io, '/rest/api/3/search/jql', { jql: jqlFor(keys), fields: issueFieldsParam(mapping), expand: EXPAND, maxResults: CHUNK, nextPageToken }),
        io,
      ),
      'search page',
    );
    results.push(...issuesWithNames(page));
    nextPageToken = optionalTextAt(page.nextPageToken, 'nextPageToken') ?? undefined;
    if (!nextPageToken || page.isLast === true) break;
  }
  return results;
}

/** Data Center: `/rest/api/2/search`, paged by `startAt`. */
async function searchOffset(keys: string[], io: HelpdeskIo, mapping: JiraMapping): Promise<unknown[]> {
  const results: unknown[] = [];
  for (let pages = 0; pages < MAX_SEARCH_PAGES; pages++) {
    const page = objectAt(
      await getJson(
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
      ),
      'search page',
    );
    const issues = issuesWithNames(page);
    results.push(...issues);
    if (issues.length === 0 || typeof page.total !== 'number' || results.length >= page.total) break;
  }
  return results;
}

import type { HelpdeskPage } from '../contract';

/**
 * Which Jira page is this? Pure: works on the URL only, for Cloud (`*.atlassian.net`) and for
 * Data Center on a company domain, where Jira may live under a context path (`/jira/browse/KEY`).
 */

/** Jira's issue key: project key (letter, then letters/digits/underscores), dash, number. */
export const ISSUE_KEY_PATTERN = /^[A-Z][A-Z0-9_]+-\d+$/;

/** Normalises a candidate key (Jira accepts `ops-42` in URLs and redirects); null when it is no key. */
export function issueKeyFrom(candidate: string | null | undefined): string | null {
  if (!candidate) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(candidate);
  } catch {
    return null; // a malformed escape is no key
  }
  const key = decoded.trim().toUpperCase();
  return ISSUE_KEY_PATTERN.test(key) ? key : null;
}

export function isCloudHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return host.endsWith('.atlassian.net') || host.endsWith('.jira.com');
}

/** First path segments of Data Center pages; a segment before one of them is the context path. */
const DATA_CENTER_ROOTS = new Set(['browse', 'secure', 'projects', 'issues', 'servicedesk', 'rest', 'plugins', 'login.jsp']);

/** Path segments that mark a list of issues (boards, backlogs, searches, filters, queues). */
const LIST_SEGMENTS = new Set(['boards', 'board', 'backlog', 'queues', 'issues', 'filters', 'list', 'RapidBoard.jspa', 'IssueNavigator.jspa']);

function segmentsOf(url: URL): string[] {
  return url.pathname.split('/').filter((s) => s.length > 0);
}

/**
 * The Data Center context path ('' or e.g. '/jira') guessed from the URL. Cloud has none; Cloud's
 * own routes start with `/jira/software`, `/jira/servicedesk`, ..., which are not context paths.
 * A page's `meta[name="ajs-context-path"]` is authoritative when available (see dom.ts).
 */
export function contextPathOf(url: URL): string {
  if (isCloudHost(url.hostname)) return '';
  const [first, second] = segmentsOf(url);
  if (first === undefined || DATA_CENTER_ROOTS.has(first)) return '';
  if (second !== undefined && DATA_CENTER_ROOTS.has(second) && isContextPath(`/${first}`)) return `/${first}`;
  return '';
}

/**
 * What a Data Center context path may look like: '' or '/seg' or '/seg/seg' of word characters,
 * dots, tildes and dashes. Anything else (`//host`, `@host`, `/..`, spaces) is not used: the REST
 * base is `location.origin` plus this, so it can never name another host.
 */
export const CONTEXT_PATH_PATTERN = /^(\/[\w.~-]+)*$/;

export function isContextPath(path: string): boolean {
  return CONTEXT_PATH_PATTERN.test(path) && !path.split('/').some((segment) => segment === '.' || segment === '..');
}

/** Origin plus context path: the base every REST path and browse URL hangs off. */
export function siteBaseOf(url: URL): string {
  return url.origin + contextPathOf(url);
}

/** The browse URL of an issue; `base` is an origin, optionally with a context path. */
export function issueUrl(base: string, key: string): string {
  return `${base.replace(/\/+$/, '')}/browse/${encodeURIComponent(key)}`;
}

export function parsePage(url: URL): HelpdeskPage {
  const segments = segmentsOf(url).slice(contextPathOf(url) === '' ? 0 : 1);
  const browseAt = segments.indexOf('browse');
  if (browseAt === 0) {
    const key = issueKeyFrom(segments[1]);
    return key && segments.length === 2 ? { kind: 'ticket', ticketId: key } : { kind: 'other' };
  }

  const selected = issueKeyFrom(url.searchParams.get('selectedIssue'));
  const isList = segments.some((s) => LIST_SEGMENTS.has(s));
  if (!isList && !selected) return { kind: 'other' };

  // Queues (`/queues/custom/7/KEY-1`) and project issue navigators (`/projects/P/issues/KEY-1`)
  // put the open issue in the last path segment.
  const last = segments.length > 1 ? issueKeyFrom(segments[segments.length - 1]) : null;
  const ticketId = selected ?? last;
  return ticketId ? { kind: 'list', ticketId } : { kind: 'list' };
}

import type { Ticket, UnreadField } from '../../engine/types';
import { HelpdeskError } from '../contract';
import { parseJiraInstant } from './instant';
import { jiraRestFacts } from './page-fields';
import type { JiraMapping } from './mapping';
import { hasLabel, officeFromLabels, severityFromValue, statusFromJira } from './mapping-rules';
import {
  cloudBoard,
  cloudIssueView,
  dataCenterCustomField,
  dataCenterIssueView,
  listRows,
} from './selectors';
import { isContextPath, issueKeyFrom, issueUrl, parsePage, siteBaseOf } from './url';

/**
 * Fallback readers for when the REST API cannot be used: what the page shows, without history.
 * Pure over the given document; a page that changed shape is a HelpdeskError('malformed') naming
 * what could not be found, never a half-read ticket.
 */

const text = (element: Element | null | undefined): string | null => {
  const value = element?.textContent?.replace(/\s+/g, ' ').trim();
  return value ? value : null;
};

type Found<T> = { [K in keyof T]: NonNullable<T[K]> };

/** Every field read, or one error naming all the fields the page did not show. */
function allFound<T extends Record<string, unknown>>(fields: T): Found<T> {
  const missing = Object.keys(fields).filter((name) => fields[name] === null || fields[name] === undefined);
  if (missing.length > 0) {
    throw new HelpdeskError('malformed', `Jira page: ${missing.join(', ')} not found (the page changed shape?)`);
  }
  return fields as Found<T>;
}

export function isDataCenterPage(doc: Document): boolean {
  return doc.querySelector(dataCenterIssueView.keyMeta) !== null || doc.querySelector(dataCenterIssueView.key) !== null;
}

/**
 * `meta[name="ajs-context-path"]`: authoritative on Data Center, where the URL can only hint —
 * when it is a plain path (CONTEXT_PATH_PATTERN); a page's scripts can write any meta tag, so
 * anything else is ignored and the URL's hint used instead.
 */
export function readContextPath(doc: Document): string | null {
  const meta = doc.querySelector(dataCenterIssueView.contextPathMeta);
  if (meta === null) return null;
  const path = (meta.getAttribute('content') ?? '').replace(/\/+$/, '');
  return isContextPath(path) ? path : null;
}

/** Data Center's XSRF token for writes, when the page carries one. */
export function readAtlassianToken(doc: Document): string | null {
  return doc.querySelector(dataCenterIssueView.tokenMeta)?.getAttribute('content') || null;
}

/** Origin plus context path for REST calls from this page. */
export function siteBaseOfPage(doc: Document, url: URL): string {
  const contextPath = readContextPath(doc);
  return contextPath === null ? siteBaseOf(url) : url.origin + contextPath;
}

/**
 * A date the page shows in a machine-readable attribute: `<time datetime>` or a `datetime`
 * attribute, never its text, which is in the agent's language ("25 mars 2026 à 10:56").
 */
function readInstant(element: Element | null): Date | null {
  const value = element?.querySelector('time[datetime]')?.getAttribute('datetime') ?? element?.getAttribute('datetime');
  return value ? parseJiraInstant(value.trim()) : null;
}

function expectKey(shown: string | null, expected: string | null, where: string): string {
  if (shown === null) throw new HelpdeskError('malformed', `Jira page: issue key (${where}) not found (the page changed shape?)`);
  const key = issueKeyFrom(shown);
  if (key === null) throw new HelpdeskError('malformed', `Jira page: ${where} shows ${JSON.stringify(shown)}, not an issue key`);
  if (expected !== null && key !== expected) {
    // The single-page app has changed the URL but not yet the view (or the reverse).
    throw new HelpdeskError('malformed', `Jira page: ${where} shows ${key} but the URL is for ${expected}`);
  }
  return key;
}

/** The issue view in scope: the modal over a list, else the page. */
function cloudScope(doc: Document): ParentNode {
  const modal = [...doc.querySelectorAll(cloudIssueView.modal)].find((m) => m.querySelector(cloudIssueView.summary));
  return modal ?? doc;
}

/**
 * `fields`: the issue's own REST fields (page-fields.ts) when that light request answered: its
 * creation time, status and severity win over the page's. What must come from the page is read
 * from attributes where there are any; words in the page's language that cannot be read leave
 * the value unknown and said (`unread`, `gaps`), never guessed.
 */
export function readTicketFromPage(doc: Document, url: URL, mapping: JiraMapping, fields?: unknown): Ticket {
  const page = parsePage(url);
  const urlKey = page.kind === 'other' ? null : (page.ticketId ?? null);
  const rest = jiraRestFacts(fields, mapping);
  const dataCenter = isDataCenterPage(doc);
  const scope = dataCenter ? doc : cloudScope(doc);
  const shownKey = dataCenter ? (doc.querySelector(dataCenterIssueView.keyMeta)?.getAttribute('content') ?? text(doc.querySelector(dataCenterIssueView.key))) : text(scope.querySelector(cloudIssueView.key));
  const key = expectKey(shownKey, urlKey, dataCenter ? 'issue key' : 'breadcrumb');
  const view = dataCenter ? dataCenterIssueView : cloudIssueView;
  const source = mapping.severity;
  const found = allFound({
    summary: rest.title ?? text(scope.querySelector(view.summary)),
    status: rest.status ? '' : text(scope.querySelector(view.status)),
    priority: rest.severity !== undefined || source.source !== 'priority' ? '' : text(scope.querySelector(view.priority)),
  });
  const gaps: string[] = [];
  const unread: UnreadField[] = [];
  const created = rest.createdAt ?? readInstant(scope.querySelector(view.created));
  // Cloud shows it only as text in the agent's language: unknown (the explanation says so).
  if (created === null) unread.push('createdAt');
  // A custom field by id has a known element on Data Center only; by name it cannot be found.
  const severityText =
    source.source === 'priority'
      ? found.priority
      : dataCenter && /^customfield_\d+$/.test(source.field)
        ? text(doc.querySelector(dataCenterCustomField(source.field)))
        : null;
  let severity = rest.severity;
  if (severity === undefined) {
    severity = severityFromValue(severityText, source);
    if (severity === null && severityText !== null && /\p{L}/u.test(severityText) && severityText.toLowerCase() !== 'none') {
      unread.push('severity');
      gaps.push(`severity shown on the page as "${severityText}", not a mapped value`);
    }
  }
  let status = rest.status;
  if (status === undefined) {
    // Data Center's lozenge carries the category; Cloud's status button has none known.
    const lozenge = dataCenter ? doc.querySelector(dataCenterIssueView.statusLozenge)?.className : undefined;
    const category = /\bjira-issue-status-lozenge-(new|indeterminate|done)\b/.exec(lozenge ?? '')?.[1];
    status = statusFromJira(found.status, category, mapping);
    if (category === undefined && status === 'active') gaps.push(`status "${found.status}": category unknown, counted as active`);
  }
  // Cloud's labels have no known selector; Data Center's are lozenges (inferred).
  const labels = rest.labels ?? (dataCenter ? [...doc.querySelectorAll(dataCenterIssueView.labels)].flatMap((l) => text(l) ?? []) : []);
  return {
    system: 'jira',
    id: key,
    url: issueUrl(dataCenter ? siteBaseOfPage(doc, url) : siteBaseOf(url), key),
    title: found.summary,
    // Unknown: the epoch stands in, and no clock runs (the engine reads `unread`).
    createdAt: created ?? new Date(0),
    severity,
    status,
    office: officeFromLabels(labels, mapping),
    workaround: hasLabel(labels, mapping.workaroundLabel),
    history: [],
    ...(gaps.length > 0 ? { gaps } : {}),
    ...(unread.length > 0 ? { unread } : {}),
  };
}

/** Key a link points at: `/browse/KEY` or a queue's `/queues/custom/7/KEY`. */
function keyOfLink(link: Element): string | null {
  const href = link.getAttribute('href');
  if (!href) return null;
  let path: string;
  try {
    path = new URL(href, 'https://jira.invalid').pathname;
  } catch {
    return null;
  }
  const segments = path.split('/').filter(Boolean);
  const at = segments.findIndex((s) => s === 'browse' || s === 'queues');
  return at < 0 ? null : issueKeyFrom(segments[segments.length - 1]);
}

function keyOfCard(card: Element): string | null {
  const id = card.getAttribute('id');
  if (id?.startsWith('card-')) return issueKeyFrom(id.slice('card-'.length));
  const link = card.querySelector(listRows.issueLink);
  return link ? keyOfLink(link) : null;
}

/**
 * Rows of a board, queue or issue navigator with their issue keys, in page order. An open issue
 * (the modal, Data Center's issue view) is not a list: its linked issues and parents are left alone.
 */
export function readListRows(root: Document | Element): Array<{ id: string; row: Element }> {
  const rows = new Map<Element, string>();
  const outsideIssueView = (element: Element) => element.closest(listRows.issueViewContainer) === null;

  for (const card of root.querySelectorAll(cloudBoard.card)) {
    const key = keyOfCard(card);
    if (key && outsideIssueView(card)) rows.set(card, key);
  }
  for (const row of root.querySelectorAll(listRows.dataCenterRow)) {
    const key = issueKeyFrom(row.getAttribute('data-issuekey'));
    if (key && outsideIssueView(row)) rows.set(row, key);
  }
  for (const link of root.querySelectorAll(listRows.issueLink)) {
    const row = link.closest(listRows.row);
    if (row === null || rows.has(row) || !outsideIssueView(row) || row.closest(cloudBoard.card)) continue;
    const key = keyOfLink(link);
    if (key) rows.set(row, key);
  }
  return [...rows]
    .sort(([a], [b]) => (a.compareDocumentPosition(b) & 4 /* FOLLOWING */ ? -1 : 1))
    .map(([row, id]) => ({ id, row }));
}

/** Beside the summary heading (in the modal when one is open), else beside the key. */
export function findBadgeAnchor(doc: Document): Element | null {
  const scope = cloudScope(doc);
  return (
    scope.querySelector(cloudIssueView.summary) ??
    doc.querySelector(dataCenterIssueView.summary) ??
    scope.querySelector(cloudIssueView.key) ??
    doc.querySelector(dataCenterIssueView.key)
  );
}

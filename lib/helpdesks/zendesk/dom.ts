import type { Severity, Ticket, UnreadField } from '../../engine/types';
import { HelpdeskError } from '../contract';
import type { ZendeskMapping } from './mapping';
import { officeFromTags, severityFromTags, statusFromZendesk, type ZendeskStatus } from './mapping-rules';
import type { ZendeskPriority } from './schemas';
import * as selectors from './selectors';
import { zendeskRestFacts } from './page-fields';
import { agentTicketUrl, parsePage } from './url';

/**
 * The fallback reader: what the Agent Workspace shows when the API cannot be used (no session,
 * 403, network). It has no history, and says so. When the page changed shape it throws
 * HelpdeskError('malformed') naming what it could not find, so the badge says "can't read".
 */

export interface PageTicket {
  ticket: Ticket;
  /** Read from the page: history is empty, the response and pauses are unknown. */
  source: 'dom';
  withoutHistory: true;
}

/**
 * `fields`: the ticket's own REST fields (page-fields.ts) when that light request answered: its
 * creation time, status and severity win over the page's, which are read only for what it could
 * not give. Without it, nothing is taken from words in the page's language: the status from the
 * status badge's test id, the priority only when shown in English (else the severity is unread,
 * and said), the creation time from the earliest message only when the whole conversation is on
 * the page (else unread, and said).
 */
export function readPageTicket(doc: Document, url: URL, mapping: ZendeskMapping, fields?: unknown): PageTicket {
  const page = parsePage(url);
  if (page.kind !== 'ticket') throw new HelpdeskError('malformed', `${url.pathname} is not a ticket page`);
  const rest = zendeskRestFacts(fields, mapping);
  const subject = shownSubjectInput(doc, page.ticketId);
  if (subject === null && rest.title === undefined) throw missing('subject of the open ticket', selectors.subjectInput);
  let pane: Element | undefined;
  // The pane is looked for only when something must come from it.
  const onPage = (): Element => (pane ??= subject === null ? raise(missing('subject of the open ticket', selectors.subjectInput)) : ticketPane(subject));
  const tags = rest.tags ?? [...onPage().querySelectorAll(selectors.selectedTag)].map(tagText).filter(Boolean);
  const gaps: string[] = [];
  const unread: UnreadField[] = [];
  const severity = rest.severity !== undefined ? rest.severity : severityShown(onPage(), tags, mapping, gaps, unread);
  const createdAt = rest.createdAt ?? creationShown(onPage(), gaps, unread);
  const ticket: Ticket = {
    system: 'zendesk',
    id: page.ticketId,
    url: agentTicketUrl(url.origin, page.ticketId),
    title: rest.title ?? subject?.value ?? '',
    createdAt,
    severity,
    status: rest.status ?? statusFromZendesk(statusShown(onPage()), mapping),
    office: officeFromTags(tags, mapping.officeTagPrefix),
    workaround: tags.includes(mapping.workaroundTag),
    history: [],
    ...(gaps.length > 0 ? { gaps } : {}),
    ...(unread.length > 0 ? { unread } : {}),
  };
  return { ticket, source: 'dom', withoutHistory: true };
}

function raise(error: Error): never {
  throw error;
}

export function readTicketFromPage(doc: Document, url: URL, mapping: ZendeskMapping, fields?: unknown): Ticket {
  return readPageTicket(doc, url, mapping, fields).ticket;
}

/**
 * Rows of a view or search table. The id comes from the ID column ("#35436" or "35436") or, as
 * a view may hide that column, from the row's link to its ticket (`…/tickets/35436`), which
 * every view row has. Rows with neither are skipped.
 */
export function readListRows(root: Document | Element): Array<{ id: string; row: Element }> {
  const rows: Array<{ id: string; row: Element }> = [];
  for (const row of root.querySelectorAll(selectors.listRow)) {
    const id = idFromCell(row) ?? idFromTicketLink(row);
    if (id !== undefined) rows.push({ id, row });
  }
  return rows;
}

function idFromCell(row: Element): string | undefined {
  const cell = row.querySelector(selectors.listIdCell);
  return cell === null ? undefined : /^#?\s*(\d+)$/.exec(text(cell))?.[1];
}

function idFromTicketLink(row: Element): string | undefined {
  for (const link of row.querySelectorAll(selectors.ticketLink)) {
    const id = /\/tickets\/(\d+)(?:[/?#]|$)/.exec(link.getAttribute('href') ?? '')?.[1];
    if (id !== undefined) return id;
  }
  return undefined;
}

/**
 * The subject input of the ticket on screen (the URL's ticket), the badge goes next to it. Null
 * while not rendered, or when the open pane cannot be told: the badge then floats.
 */
export function findBadgeAnchor(doc: Document): Element | null {
  const location = doc.defaultView?.location;
  const page = location ? parsePage(new URL(location.href)) : null;
  const ticketId = page?.kind === 'ticket' ? page.ticketId : null;
  return shownSubjectInput(doc, ticketId);
}

function missing(what: string, selector: string): HelpdeskError {
  return new HelpdeskError('malformed', `page: no ${what} (${selector}); the Agent Workspace changed shape`);
}

function text(element: Element): string {
  return (element.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** A tag chip holds its name and a remove button ("×"): read the name only. */
function tagText(chip: Element): string {
  const parts: string[] = [];
  const walker = chip.ownerDocument.createTreeWalker(chip, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    const control = node.parentElement?.closest('button, [aria-hidden="true"]');
    if (!control || !chip.contains(control)) parts.push(node.textContent ?? '');
  }
  return parts.join('').replace(/\s+/g, '').trim();
}

/**
 * The Agent Workspace keeps a pane per open ticket tab in the DOM and hides the inactive ones by
 * style, not necessarily inline (public userscripts pick `div.workspace` without a `display`
 * style). So the open ticket's subject is the one shown by *computed* visibility; when several
 * are shown (mid-switch), the one whose pane names the URL's ticket id. Null when none or no
 * single one qualifies: the badge then floats instead of sitting in the wrong pane.
 */
export function shownSubjectInput(doc: Document, ticketId: string | null = null): HTMLInputElement | null {
  const shown = [...doc.querySelectorAll<HTMLInputElement>(selectors.subjectInput)].filter(isShown);
  if (shown.length <= 1) return shown[0] ?? null;
  const named = ticketId === null ? [] : shown.filter((subject) => paneNamesTicket(subject, ticketId));
  return named.length === 1 ? (named[0] ?? null) : null;
}

/** Shown unless it or an ancestor is hidden: attribute, aria-hidden, or computed display/visibility. */
function isShown(element: Element): boolean {
  const view = element.ownerDocument.defaultView;
  for (let node: Element | null = element; node !== null; node = node.parentElement) {
    if (node.hasAttribute('hidden') || node.getAttribute('aria-hidden') === 'true') return false;
    const style = view?.getComputedStyle(node) ?? (node as Partial<ElementCSSInlineStyle>).style;
    if (style?.display === 'none' || (node === element && style?.visibility === 'hidden')) return false;
  }
  return true;
}

/** Whether the subject's pane carries the ticket id: an entity id on the way up, or a link to the ticket. */
function paneNamesTicket(subject: Element, ticketId: string): boolean {
  for (let node: Element | null = subject; node !== null; node = node.parentElement) {
    if (node.getAttribute('data-entity-id') === ticketId || node.getAttribute('data-ticket-id') === ticketId) return true;
    if (node.querySelector(selectors.subjectInput) !== subject && node.querySelectorAll(selectors.subjectInput).length > 1) return false;
    if (node.querySelector(`a[href$="/tickets/${ticketId}"]`)) return true;
  }
  return false;
}

/** The smallest ancestor of the subject that also holds the ticket's fields. */
function ticketPane(subject: Element): Element {
  for (let node = subject.parentElement; node !== null; node = node.parentElement) {
    if (node.querySelector(selectors.prioritySelect) || node.querySelector(selectors.statusMenuButton)) return node;
  }
  throw missing('ticket fields next to the subject', `${selectors.prioritySelect}, ${selectors.statusMenuButton}`);
}

const STATUS_WORDS: Record<string, ZendeskStatus> = {
  new: 'new',
  open: 'open',
  pending: 'pending',
  'on-hold': 'hold',
  'on hold': 'hold',
  hold: 'hold',
  solved: 'solved',
  closed: 'closed',
};

/**
 * The status category, language-independent first: a status badge's test id (`status-badge-open`;
 * custom statuses show their own name as text but keep the category here). Only then the English
 * word shown, for layouts without a badge.
 */
function statusShown(pane: Element): ZendeskStatus {
  const element = pane.querySelector(selectors.statusMenuButton) ?? pane.querySelector(selectors.statusView);
  const badged = statusFromBadges(element ?? pane) ?? (element === null ? null : statusFromBadges(pane));
  if (badged !== null) return badged;
  if (element === null) throw missing('status', `${selectors.statusMenuButton}, ${selectors.statusView}`);
  // "Open", "Submit as Open", "On-hold": the status is the word, whatever surrounds it.
  const word = /\b(new|open|pending|on-hold|on hold|hold|solved|closed)\b/i.exec(text(element))?.[1];
  const status = word === undefined ? undefined : STATUS_WORDS[word.toLowerCase()];
  if (status === undefined) throw new HelpdeskError('malformed', `page: status "${text(element)}" is not one we know`);
  return status;
}

function statusFromBadges(root: Element): ZendeskStatus | null {
  for (const badge of root.querySelectorAll(selectors.statusBadge)) {
    const word = (badge.getAttribute('data-test-id') ?? '').slice('status-badge-'.length);
    const status = STATUS_WORDS[word.replace(/_/g, '-')];
    if (status !== undefined) return status;
  }
  return null;
}

function severityShown(pane: Element, tags: string[], mapping: ZendeskMapping, gaps: string[], unread: UnreadField[]): Severity | null {
  const source = mapping.severity;
  switch (source.source) {
    case 'priority': {
      const shown = priorityShown(pane);
      if (shown.priority !== null) return source.values[shown.priority] ?? null;
      // A word in another language: the priority is there, but not read (no attribute names it).
      if (/\p{L}/u.test(shown.text)) {
        unread.push('severity');
        gaps.push(`priority shown on the page as "${shown.text}", read only in English`);
      }
      return null;
    }
    case 'customField': {
      const field = pane.querySelector(selectors.dropdownCustomField(source.fieldId));
      if (field === null) throw missing(`custom field ${source.fieldId}`, selectors.dropdownCustomField(source.fieldId));
      const shown = field.querySelector(selectors.comboboxValue);
      return shown === null ? null : severityFromLabel(text(shown), source.values);
    }
    case 'tags':
      return severityFromTags(tags, source.tags);
  }
}

function priorityShown(pane: Element): { priority: ZendeskPriority | null; text: string } {
  const select = pane.querySelector(selectors.prioritySelect);
  if (select === null) throw missing('priority', selectors.prioritySelect);
  const shown = select.querySelector(selectors.comboboxValue);
  if (shown === null) throw missing('priority value', selectors.priorityValue);
  const word = /\b(urgent|high|normal|low)\b/i.exec(text(shown))?.[1];
  return { priority: word === undefined ? null : (word.toLowerCase() as ZendeskPriority), text: text(shown) };
}

/**
 * The page shows a drop-down option's title ("Sev 1"), the API its tag ("sev_1"). Compare both
 * reduced to lowercase letters and digits joined by "_": the usual way Zendesk derives the tag.
 */
function severityFromLabel(label: string, values: Readonly<Record<string, Severity>>): Severity | null {
  const key = tagLike(label);
  for (const [value, severity] of Object.entries(values)) {
    if (tagLike(value) === key) return severity;
  }
  return null;
}

function tagLike(value: string): string {
  return value
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '_')
    .replace(/^_|_$/g, '');
}

/**
 * The earliest message on the page is the ticket's creation only when the whole conversation is
 * there. A long one loads lazily, behind a control to show earlier messages: then the creation
 * time is unknown (the earliest message shown is kept only as a bound) and said so.
 */
function creationShown(pane: Element, gaps: string[], unread: UnreadField[]): Date {
  const times = [...pane.querySelectorAll(selectors.commentTime)]
    .map((element) => Date.parse(element.getAttribute('datetime') ?? ''))
    .filter((time) => !Number.isNaN(time));
  if (times.length === 0) throw missing('message times', selectors.commentTime);
  if (conversationIsPartial(pane)) {
    unread.push('createdAt');
    gaps.push('only the newest messages of the conversation are loaded on the page');
  }
  return new Date(Math.min(...times));
}

/** A control in the conversation log outside every message: the one that loads earlier messages. */
function conversationIsPartial(pane: Element): boolean {
  return [...pane.querySelectorAll(selectors.conversationControl)].some((control) => control.closest(selectors.commentItem) === null);
}

import { HelpdeskError, isSideReadFailure, type HelpdeskIo, type RawTicketRead } from '../contract';
import { getJson } from '../http';
import { isJsonObject, listAt, objectAt, optionalTextAt, textOrNull, uniqueById, type JsonObject } from '../json-shape';

/**
 * Zendesk REST reads with the agent's session, done by the page (HELPDESKS.md): the ticket with
 * Zendesk's SLA and organisation sideloads, every page of its audits with users sideloaded (comment
 * authors missing from it looked up with users/show_many), the ticket metric events when there is
 * no SLA sideload, and show_many for list views. Bodies are passed on as the helpdesk sent them;
 * only what pagination needs is read here. raw-parse.ts parses them.
 *
 * Side reads (metric events, the author look-up) never fail the ticket: what they could not
 * tell travels as `sideReadGaps` and is said in the explanation (issue 13).
 */

/** `raw` of a ticket read. */
export type ZendeskRawTicket = {
  /** `ticket` of GET /api/v2/tickets/{id}.json?include=slas (or one of show_many's `tickets`). */
  ticket: JsonObject;
  /** Every page of GET /api/v2/tickets/{id}/audits.json merged; absent for list reads (no history). */
  audits?: unknown[];
  /** Sideloaded users of every audit page, each once. */
  users?: unknown[];
  /** Sideloaded `organizations` (include=organizations): the customer's name. */
  organizations?: unknown[];
  /** Ticket metric events, read when the ticket has no SLA sideload; [] when the agent may not see them. */
  metricEvents?: unknown[];
  /** What a side read could not tell, in words (e.g. "Zendesk's own SLA: forbidden (403)"). */
  sideReadGaps?: string[];
};

export const SHOW_MANY_LIMIT = 100;
/** Far beyond any real ticket (100 audits a page); stops a server that keeps handing out pages. */
const MAX_PAGES = 100;

export async function fetchRawTicket(id: string, io: HelpdeskIo): Promise<RawTicketRead> {
  const ticketId = checkedId(id);
  const [ticketBody, history] = await Promise.all([
    getJson(`/api/v2/tickets/${ticketId}.json?include=slas,organizations`, io),
    fetchAllAudits(ticketId, io),
  ]);
  const body = objectAt(ticketBody, 'ticket body');
  const ticket = objectAt(body.ticket, 'ticket');
  const gaps: string[] = [];
  const users = await withUnknownAuthors(history.audits, history.users, io, gaps);
  const raw: ZendeskRawTicket = { ticket, audits: history.audits, users };
  if (Array.isArray(body.organizations)) raw.organizations = body.organizations;
  // Some accounts ignore include=slas on a single ticket, and plans below Professional have no SLAs.
  if (ticket.slas === undefined) raw.metricEvents = await fetchMetricEvents(ticketId, io, gaps);
  if (gaps.length > 0) raw.sideReadGaps = gaps;
  return { id: ticketId, version: textOrNull(ticket.updated_at), raw };
}

/** Ids of Comment authors missing from the users sideload. */
function unknownCommentAuthors(audits: readonly unknown[], users: readonly unknown[]): number[] {
  const known = new Set(users.map((user) => (isJsonObject(user) ? user.id : undefined)));
  const missing = new Set<number>();
  for (const audit of audits) {
    if (!isJsonObject(audit) || !Array.isArray(audit.events)) continue;
    for (const event of audit.events) {
      if (isJsonObject(event) && event.type === 'Comment' && typeof event.author_id === 'number' && !known.has(event.author_id)) {
        missing.add(event.author_id);
      }
    }
  }
  return [...missing];
}

/**
 * The audits' users sideload can leave out a comment's author (seen with deleted and suspended
 * users): those are asked for with users/show_many (100 ids a call). A failed look-up is a gap.
 */
async function withUnknownAuthors(audits: readonly unknown[], users: unknown[], io: HelpdeskIo, gaps: string[]): Promise<unknown[]> {
  const missing = unknownCommentAuthors(audits, users);
  if (missing.length === 0) return users;
  const found: unknown[] = [];
  try {
    for (let start = 0; start < missing.length; start += SHOW_MANY_LIMIT) {
      const ids = missing.slice(start, start + SHOW_MANY_LIMIT).join(',');
      const page = objectAt(await getJson(`/api/v2/users/show_many.json?ids=${ids}`, io), 'users show_many body');
      found.push(...listAt(page.users, 'users'));
    }
  } catch (error) {
    if (!isSideReadFailure(error)) throw error;
    gaps.push(`comment authors ${missing.join(', ')}: could not be looked up (${(error as HelpdeskError).message})`);
  }
  return uniqueById([...users, ...found]);
}

/** A side read that fails says so and lets the ticket be read; only a lost session stops it. */
/** All audit pages merged, following `next_page` (offset) or `links.next` (cursor), users each once. */
export async function fetchAllAudits(ticketId: string, io: HelpdeskIo): Promise<{ audits: unknown[]; users: unknown[] }> {
  const audits: unknown[] = [];
  const users: unknown[] = [];
  const seen = new Set<string>();
  let url: string | null = `/api/v2/tickets/${checkedId(ticketId)}/audits.json?include=users`;
  while (url !== null) {
    if (seen.has(url) || seen.size >= MAX_PAGES) {
      throw new HelpdeskError('malformed', `audits: pagination does not end (page ${seen.size + 1}: ${url})`);
    }
    seen.add(url);
    const page = objectAt(await getJson(url, io), 'audits page');
    audits.push(...listAt(page.audits, 'audits'));
    if (page.users !== undefined) users.push(...listAt(page.users, 'users'));
    url = nextAuditPage(page);
  }
  return { audits, users: uniqueById(users) };
}

function nextAuditPage(page: JsonObject): string | null {
  const offsetNext = optionalTextAt(page.next_page, 'next_page');
  if (offsetNext !== null) return offsetNext;
  const hasMore = isJsonObject(page.meta) && page.meta.has_more === true;
  return hasMore && isJsonObject(page.links) ? optionalTextAt(page.links.next, 'links.next') : null;
}

/** For list views: ≤100 tickets a call, without history. */
export async function fetchRawTickets(ids: string[], io: HelpdeskIo): Promise<RawTicketRead[]> {
  const unique = [...new Set(ids.map(checkedId))];
  const reads: RawTicketRead[] = [];
  for (let start = 0; start < unique.length; start += SHOW_MANY_LIMIT) {
    const chunk = unique.slice(start, start + SHOW_MANY_LIMIT);
    const body = objectAt(
      await getJson(`/api/v2/tickets/show_many.json?ids=${chunk.join(',')}&include=organizations`, io),
      'show_many body',
    );
    const organizations = Array.isArray(body.organizations) ? body.organizations : [];
    listAt(body.tickets, 'tickets').forEach((ticket, index) => {
      const item = objectAt(ticket, `tickets[${index}]`);
      const id = typeof item.id === 'number' || typeof item.id === 'string' ? String(item.id) : `tickets[${index}]`;
      const own = organizations.filter((organization) => isJsonObject(organization) && organization.id === item.organization_id);
      reads.push({ id, version: textOrNull(item.updated_at), raw: { ticket: item, ...(own.length > 0 ? { organizations: own } : {}) } });
    });
  }
  return reads;
}

/**
 * Zendesk's own SLA is only a cross-check. Accounts without SLA policies, or agents without access
 * to metric events (admin-gated), simply have no native targets: 403/404 mean "none". Any other
 * failure, or a body in a shape not recognised, is a gap said in the explanation, never a failed
 * ticket. The list endpoint documents `ticket_metric_events` as a list; public code also reads the
 * per-ticket body keyed by metric (`{reply_time: [...], ...}`): both are flattened here.
 */
async function fetchMetricEvents(ticketId: string, io: HelpdeskIo, gaps: string[]): Promise<unknown[]> {
  const events: unknown[] = [];
  let url: string | null = `/api/v2/tickets/${ticketId}/metric_events.json`;
  try {
    for (let page = 0; url !== null && page < MAX_PAGES; page++) {
      const body = objectAt(await getJson(url, io), 'metric events page');
      const list = metricEventList(body.ticket_metric_events ?? body.metric_events);
      if (list === null) {
        gaps.push("Zendesk's own SLA: its metric events came in a shape not recognised, so no cross-check");
        return [];
      }
      events.push(...list);
      url = optionalTextAt(body.next_page, 'next_page');
    }
  } catch (error) {
    if (error instanceof HelpdeskError && (error.kind === 'notFound' || error.kind === 'forbidden')) return [];
    if (!isSideReadFailure(error)) throw error;
    gaps.push(`Zendesk's own SLA could not be read (${error.message}), so no cross-check`);
    return [];
  }
  return events;
}

/** A list of events, or an object of lists keyed by metric; null for anything else. */
function metricEventList(value: unknown): unknown[] | null {
  if (Array.isArray(value)) return value;
  if (!isJsonObject(value)) return null;
  const entries = Object.entries(value);
  if (!entries.every(([, list]) => Array.isArray(list))) return null;
  // Events listed under their metric may leave the metric out of each event.
  return entries.flatMap(([metric, list]) =>
    (list as unknown[]).map((event) => (isJsonObject(event) && event.metric === undefined ? { metric, ...event } : event)),
  );
}

export function checkedId(id: string): string {
  const trimmed = id.trim().replace(/^#/, '');
  if (!/^\d+$/.test(trimmed)) throw new HelpdeskError('malformed', `ticket id "${id}" is not a Zendesk ticket number`);
  return trimmed;
}

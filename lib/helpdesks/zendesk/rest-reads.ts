import { HelpdeskError, type HelpdeskIo, type RawTicketRead } from '../contract';
import { getJson } from '../http';
import { isJsonObject, listAt, objectAt, optionalTextAt, textOrNull, uniqueById, type JsonObject } from '../json-shape';

/**
 * Zendesk REST reads with the agent's session, done by the page (HELPDESKS.md): the ticket with
 * Zendesk's SLA sideload, every page of its audits with users sideloaded, the ticket metric
 * events when there is no sideload, and show_many for list views. Bodies are passed on as the
 * helpdesk sent them; only what pagination needs is read here. raw-parse.ts parses them.
 */

/** `raw` of a ticket read. */
export type ZendeskRawTicket = {
  /** `ticket` of GET /api/v2/tickets/{id}.json?include=slas (or one of show_many's `tickets`). */
  ticket: JsonObject;
  /** Every page of GET /api/v2/tickets/{id}/audits.json merged; absent for list reads (no history). */
  audits?: unknown[];
  /** Sideloaded users of every audit page, each once. */
  users?: unknown[];
  /** Ticket metric events, read when the ticket has no SLA sideload; [] when the agent may not see them. */
  metricEvents?: unknown[];
};

export const SHOW_MANY_LIMIT = 100;
/** Far beyond any real ticket (100 audits a page); stops a server that keeps handing out pages. */
const MAX_PAGES = 100;

export async function fetchRawTicket(id: string, io: HelpdeskIo): Promise<RawTicketRead> {
  const ticketId = checkedId(id);
  const [ticketBody, history] = await Promise.all([
    getJson(`/api/v2/tickets/${ticketId}.json?include=slas`, io),
    fetchAllAudits(ticketId, io),
  ]);
  const ticket = objectAt(objectAt(ticketBody, 'ticket body').ticket, 'ticket');
  const raw: ZendeskRawTicket = { ticket, ...history };
  if (ticket.slas === undefined) raw.metricEvents = await fetchMetricEvents(ticketId, io);
  return { id: ticketId, version: textOrNull(ticket.updated_at), raw };
}

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
    const body = objectAt(await getJson(`/api/v2/tickets/show_many.json?ids=${chunk.join(',')}`, io), 'show_many body');
    listAt(body.tickets, 'tickets').forEach((ticket, index) => {
      const item = objectAt(ticket, `tickets[${index}]`);
      const id = typeof item.id === 'number' || typeof item.id === 'string' ? String(item.id) : `tickets[${index}]`;
      reads.push({ id, version: textOrNull(item.updated_at), raw: { ticket: item } });
    });
  }
  return reads;
}

/**
 * Accounts without SLA policies, or agents without access to metric events, simply have no
 * native targets: 403/404 mean "none". Any other failure is reported.
 */
async function fetchMetricEvents(ticketId: string, io: HelpdeskIo): Promise<unknown[]> {
  const events: unknown[] = [];
  let url: string | null = `/api/v2/tickets/${ticketId}/metric_events.json`;
  try {
    for (let page = 0; url !== null && page < MAX_PAGES; page++) {
      const body = objectAt(await getJson(url, io), 'metric events page');
      events.push(...listAt(body.ticket_metric_events, 'ticket_metric_events'));
      url = optionalTextAt(body.next_page, 'next_page');
    }
  } catch (error) {
    if (error instanceof HelpdeskError && (error.kind === 'notFound' || error.kind === 'forbidden')) return [];
    throw error;
  }
  return events;
}

export function checkedId(id: string): string {
  const trimmed = id.trim().replace(/^#/, '');
  if (!/^\d+$/.test(trimmed)) throw new HelpdeskError('malformed', `ticket id "${id}" is not a Zendesk ticket number`);
  return trimmed;
}

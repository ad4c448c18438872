import type { z } from 'zod';
import { formatAckNote, type AckNote } from '../ack-note';
import { HelpdeskError, type FetchedTicket, type HelpdeskIo, type NativeSlaTarget } from '../contract';
import { getJson, parseOrMalformed, sendJson } from '../http';
import { ticketFromZendesk } from './map';
import type { ZendeskMapping } from './mapping';
import { nativeSlaFromMetricEvents, nativeSlaFromPolicyMetrics } from './native-sla';
import {
  auditsPageSchema,
  currentUserSchema,
  metricEventsPageSchema,
  showManySchema,
  ticketBodySchema,
  ticketSchema,
  type MetricEvent,
} from './schemas';

/**
 * Zendesk REST with the agent's session: the ticket, every page of its audits (users
 * sideloaded), Zendesk's own SLA targets, show_many for list views, and internal notes.
 */

export const SHOW_MANY_LIMIT = 100;
/** Far beyond any real ticket (100 audits a page); stops a server that keeps handing out pages. */
const MAX_PAGES = 100;

export async function fetchTicket(id: string, io: HelpdeskIo, mapping: ZendeskMapping): Promise<FetchedTicket> {
  const ticketId = checkedId(id);
  const [ticketBody, { audits, users }] = await Promise.all([
    getJson(`/api/v2/tickets/${ticketId}.json?include=slas`, io, { schema: ticketBodySchema }),
    fetchAllAudits(ticketId, io),
  ]);
  const ticket = ticketFromZendesk({ ticket: ticketBody.ticket, audits, users }, mapping);
  const parsed = parseOrMalformed(ticketSchema, ticketBody.ticket, 'ticket');
  const now = io.now?.() ?? new Date();
  const nativeSla = parsed.slas
    ? nativeSlaFromPolicyMetrics(parsed.slas.policy_metrics, now)
    : await fetchNativeSlaFromMetricEvents(ticketId, io, now);
  return { ticket, version: parsed.updated_at.toISOString(), nativeSla };
}

/** All audit pages merged, following `next_page` (offset) or `links.next` (cursor), users deduplicated. */
export async function fetchAllAudits(ticketId: string, io: HelpdeskIo): Promise<{ audits: unknown[]; users: unknown[] }> {
  const audits: unknown[] = [];
  const users = new Map<unknown, unknown>();
  const seen = new Set<string>();
  let url: string | null = `/api/v2/tickets/${checkedId(ticketId)}/audits.json?include=users`;
  while (url !== null) {
    if (seen.has(url) || seen.size >= MAX_PAGES) {
      throw new HelpdeskError('malformed', `audits: pagination does not end (page ${seen.size + 1}: ${url})`);
    }
    seen.add(url);
    const page: z.infer<typeof auditsPageSchema> = await getJson(url, io, { schema: auditsPageSchema });
    audits.push(...page.audits);
    for (const user of page.users ?? []) users.set(userKey(user), user);
    url = page.next_page ?? (page.meta?.has_more ? (page.links?.next ?? null) : null);
  }
  return { audits, users: [...users.values()] };
}

/** For list views: ≤100 tickets a call, without history (Ticket.history is empty). */
export async function fetchMany(ids: string[], io: HelpdeskIo, mapping: ZendeskMapping): Promise<FetchedTicket[]> {
  const unique = [...new Set(ids.map(checkedId))];
  const fetched: FetchedTicket[] = [];
  for (let start = 0; start < unique.length; start += SHOW_MANY_LIMIT) {
    const chunk = unique.slice(start, start + SHOW_MANY_LIMIT);
    const body = await getJson(`/api/v2/tickets/show_many.json?ids=${chunk.join(',')}`, io, { schema: showManySchema });
    body.tickets.forEach((raw, index) => {
      const parsed = parseOrMalformed(ticketSchema, raw, `tickets[${index}]`);
      fetched.push({
        ticket: ticketFromZendesk({ ticket: raw }, mapping),
        version: parsed.updated_at.toISOString(),
        nativeSla: parsed.slas ? nativeSlaFromPolicyMetrics(parsed.slas.policy_metrics, io.now?.() ?? new Date()) : [],
      });
    });
  }
  return fetched;
}

/** Adds a private comment. Zendesk wants the session's CSRF token, read from users/me. */
export async function writeInternalNote(id: string, body: string, io: HelpdeskIo): Promise<void> {
  const ticketId = checkedId(id);
  const me = await getJson('/api/v2/users/me.json', io, { schema: currentUserSchema });
  await sendJson('PUT', `/api/v2/tickets/${ticketId}.json`, { ticket: { comment: { body, public: false } } }, io, {
    'X-CSRF-Token': me.user.authenticity_token,
  });
}

/** "Mark notified" on the ticket itself (issue 8): the note every teammate's extension reads back. */
export function writeAckNote(id: string, note: AckNote, io: HelpdeskIo): Promise<void> {
  return writeInternalNote(id, formatAckNote(note), io);
}

/**
 * Accounts without SLA policies, or agents without access to metric events, simply have no
 * native targets: 403/404 mean "none". Any other failure is reported.
 */
async function fetchNativeSlaFromMetricEvents(ticketId: string, io: HelpdeskIo, now: Date): Promise<NativeSlaTarget[]> {
  const events: MetricEvent[] = [];
  let url: string | null = `/api/v2/tickets/${ticketId}/metric_events.json`;
  try {
    for (let page = 0; url !== null && page < MAX_PAGES; page++) {
      const body: z.infer<typeof metricEventsPageSchema> = await getJson(url, io, { schema: metricEventsPageSchema });
      events.push(...body.ticket_metric_events);
      url = body.next_page ?? null;
    }
  } catch (error) {
    if (error instanceof HelpdeskError && (error.kind === 'notFound' || error.kind === 'forbidden')) return [];
    throw error;
  }
  return nativeSlaFromMetricEvents(events, now);
}

function checkedId(id: string): string {
  const trimmed = id.trim().replace(/^#/, '');
  if (!/^\d+$/.test(trimmed)) throw new HelpdeskError('malformed', `ticket id "${id}" is not a Zendesk ticket number`);
  return trimmed;
}

function userKey(user: unknown): unknown {
  return typeof user === 'object' && user !== null && 'id' in user ? user.id : user;
}


import type { TicketJson } from '../../lib/engine/ticket-schema';
import type { WatchedTicket } from '../../lib/storage';

/** Small builders for watched-ticket tests; every field has a plain default. */

export function ticketJson(overrides: Partial<TicketJson> = {}): TicketJson {
  const id = overrides.id ?? '35436';
  const system = overrides.system ?? 'zendesk';
  return {
    system,
    id,
    url: system === 'zendesk' ? `https://acme.zendesk.com/agent/tickets/${id}` : `https://acme.atlassian.net/browse/${id}`,
    title: 'Database unavailable',
    createdAt: '2026-07-14T08:00:00.000Z',
    severity: 1,
    status: 'active',
    office: 'hq',
    workaround: false,
    history: [],
    ...overrides,
  };
}

export function watchedTicket(overrides: Partial<WatchedTicket> = {}, ticket: Partial<TicketJson> = {}): WatchedTicket {
  const json = ticketJson(ticket);
  return {
    ticket: { ...json, createdAt: new Date(json.createdAt).toISOString() },
    source: 'api',
    origin: new URL(json.url).origin,
    fetchedAt: '2026-07-14T08:00:00.000Z',
    lastRefreshAttemptAt: null,
    acknowledged: {},
    shown: {},
    firstSeenAt: '2026-07-14T08:00:00.000Z',
    lastSeenAt: '2026-07-14T08:00:00.000Z',
    ...overrides,
  };
}

import { describe, expect, it } from 'vitest';
import {
  acknowledgeRole,
  defaultStoreLimits,
  markShown,
  pruneStore,
  recordSeenTicket,
  type WatchedStore,
} from '../../lib/storage';
import { SHOWN_KEYS_PER_TICKET } from '../../lib/storage/watched-store';
import { ticketJson, watchedTicket } from './watched-ticket-builders';

const now = new Date('2026-07-14T10:00:00Z');
const DAY = 86_400_000;
const origin = 'https://acme.zendesk.com';

describe('recording a seen ticket', () => {
  it('starts watching a new ticket with nothing acknowledged or shown', () => {
    const store = recordSeenTicket({}, { ticket: ticketJson(), source: 'dom', origin, fetchedAt: now }, now);
    expect(store['zendesk:35436@https://acme.zendesk.com']).toMatchObject({ source: 'dom', acknowledged: {}, shown: {}, firstSeenAt: now.toISOString() });
  });

  it('a page read never replaces data read from the API (it has no history)', () => {
    const api = recordSeenTicket({}, { ticket: ticketJson({ title: 'from API' }), source: 'api', origin, fetchedAt: now }, now);
    const later = new Date(now.getTime() + 60_000);
    const after = recordSeenTicket(api, { ticket: ticketJson({ title: 'from page' }), source: 'dom', origin, fetchedAt: later }, later);
    expect(after['zendesk:35436@https://acme.zendesk.com']?.ticket.title).toBe('from API');
    expect(after['zendesk:35436@https://acme.zendesk.com']?.lastSeenAt).toBe(later.toISOString());
  });

  it('a page read showing fewer messages (a lazily loaded conversation) never moves the creation time later (issue 13)', () => {
    const key = 'zendesk:35436@https://acme.zendesk.com';
    const first = recordSeenTicket({}, { ticket: ticketJson({ createdAt: '2026-07-14T01:30:00.000Z' }), source: 'dom', origin, fetchedAt: now }, now);
    const later = new Date(now.getTime() + 60_000);
    const lazy = recordSeenTicket(first, { ticket: ticketJson({ createdAt: '2026-07-14T06:00:00.000Z', title: 'reread' }), source: 'dom', origin, fetchedAt: later }, later);
    expect(lazy[key]?.ticket).toMatchObject({ title: 'reread', createdAt: '2026-07-14T01:30:00.000Z' });
    // An API read has the true creation time and always wins.
    const api = recordSeenTicket(lazy, { ticket: ticketJson({ createdAt: '2026-07-14T02:00:00.000Z' }), source: 'api', origin, fetchedAt: later }, later);
    expect(api[key]?.ticket.createdAt).toBe('2026-07-14T02:00:00.000Z');
  });

  it('a page read whose creation is unknown takes the creation already known; a known one replaces an unknown one (issue 13)', () => {
    const key = 'zendesk:35436@https://acme.zendesk.com';
    const later = new Date(now.getTime() + 60_000);
    const unknownAt = (createdAt: string) => ({ ...ticketJson({ createdAt }), unread: ['createdAt' as const], gaps: ['partly loaded'] });
    const full = recordSeenTicket({}, { ticket: ticketJson({ createdAt: '2026-07-14T01:30:00.000Z' }), source: 'dom', origin, fetchedAt: now }, now);
    const partial = recordSeenTicket(full, { ticket: unknownAt('2026-07-14T06:00:00.000Z'), source: 'dom', origin, fetchedAt: later }, later);
    expect(partial[key]?.ticket.createdAt).toBe('2026-07-14T01:30:00.000Z');
    expect(partial[key]?.ticket.unread).toBeUndefined();
    // First seen partial: unknown, and stays so while only partial reads come…
    const cold = recordSeenTicket({}, { ticket: unknownAt('2026-07-14T06:00:00.000Z'), source: 'dom', origin, fetchedAt: now }, now);
    expect(cold[key]?.ticket.unread).toEqual(['createdAt']);
    // …until a read that knows it.
    const known = recordSeenTicket(cold, { ticket: ticketJson({ createdAt: '2026-07-14T08:00:00.000Z' }), source: 'dom', origin, fetchedAt: later }, later);
    expect(known[key]?.ticket).toMatchObject({ createdAt: '2026-07-14T08:00:00.000Z' });
    expect(known[key]?.ticket.unread).toBeUndefined();
  });

  it('older data never replaces newer data', () => {
    const fresh = recordSeenTicket({}, { ticket: ticketJson({ title: 'new' }), source: 'api', origin, fetchedAt: now }, now);
    const stale = new Date(now.getTime() - 60_000);
    expect(recordSeenTicket(fresh, { ticket: ticketJson({ title: 'old' }), source: 'api', origin, fetchedAt: stale }, now)['zendesk:35436@https://acme.zendesk.com']?.ticket.title).toBe('new');
  });

  it('keeps acknowledgements, shown keys and first-seen time across updates', () => {
    const first = recordSeenTicket({}, { ticket: ticketJson(), source: 'api', origin, fetchedAt: now }, now);
    const acknowledged = markShown(acknowledgeRole(first, 'zendesk:35436@https://acme.zendesk.com', 'sales-rep', 'local', now), new Map([['zendesk:35436@https://acme.zendesk.com', ['k']]]), now);
    const later = new Date(now.getTime() + 60_000);
    const again = recordSeenTicket(acknowledged, { ticket: ticketJson({ severity: 2 }), source: 'api', origin, fetchedAt: later }, later);
    expect(again['zendesk:35436@https://acme.zendesk.com']).toMatchObject({ acknowledged: { 'sales-rep': { by: 'local' } }, shown: { k: now.toISOString() }, firstSeenAt: now.toISOString() });
  });

  it('notes when a ticket was first seen solved, and forgets that when it reopens', () => {
    const solved = recordSeenTicket({}, { ticket: ticketJson({ status: 'solved' }), source: 'api', origin, fetchedAt: now }, now);
    expect(solved['zendesk:35436@https://acme.zendesk.com']?.solvedAt).toBe(now.toISOString());
    const reopened = recordSeenTicket(solved, { ticket: ticketJson(), source: 'api', origin, fetchedAt: new Date(now.getTime() + 1) }, now);
    expect(reopened['zendesk:35436@https://acme.zendesk.com']?.solvedAt).toBeUndefined();
  });

  it('a local click does not downgrade an acknowledgement recorded on the ticket', () => {
    const store: WatchedStore = { 'zendesk:35436@https://acme.zendesk.com': watchedTicket({ acknowledged: { 'sales-rep': { at: now.toISOString(), by: 'ticket' } } }) };
    expect(acknowledgeRole(store, 'zendesk:35436@https://acme.zendesk.com', 'sales-rep', 'local', now)['zendesk:35436@https://acme.zendesk.com']?.acknowledged['sales-rep']?.by).toBe('ticket');
  });
});

describe('shown keys', () => {
  it('keeps the first time a key was shown', () => {
    const store = { 'zendesk:35436@https://acme.zendesk.com': watchedTicket({ shown: { k: '2026-07-14T09:00:00.000Z' } }) };
    expect(markShown(store, new Map([['zendesk:35436@https://acme.zendesk.com', ['k']]]), now)['zendesk:35436@https://acme.zendesk.com']?.shown.k).toBe('2026-07-14T09:00:00.000Z');
  });

  it(`keeps the ${SHOWN_KEYS_PER_TICKET} most recent keys per ticket`, () => {
    const shown = Object.fromEntries(Array.from({ length: SHOWN_KEYS_PER_TICKET }, (_, i) => [`old-${i}`, new Date(now.getTime() - (i + 1) * 1000).toISOString()]));
    const store = { 'zendesk:35436@https://acme.zendesk.com': watchedTicket({ shown }) };
    const after = markShown(store, new Map([['zendesk:35436@https://acme.zendesk.com', ['new']]]), now)['zendesk:35436@https://acme.zendesk.com']?.shown ?? {};
    expect(Object.keys(after)).toHaveLength(SHOWN_KEYS_PER_TICKET);
    expect(after.new).toBe(now.toISOString());
    expect(after[`old-${SHOWN_KEYS_PER_TICKET - 1}`]).toBeUndefined();
  });
});

describe('pruning the store', () => {
  const entry = (id: string, seen: string, solvedAt?: string) =>
    watchedTicket({ lastSeenAt: seen, ...(solvedAt ? { solvedAt } : {}) }, { id, status: solvedAt ? 'solved' : 'active' });
  const store = (): WatchedStore => ({
    'zendesk:1@https://acme.zendesk.com': entry('1', '2026-07-01T00:00:00.000Z'),
    'zendesk:2@https://acme.zendesk.com': entry('2', '2026-07-13T00:00:00.000Z', '2026-07-10T00:00:00.000Z'),
    'zendesk:3@https://acme.zendesk.com': entry('3', '2026-07-13T00:00:00.000Z', '2026-07-05T00:00:00.000Z'),
    'zendesk:4@https://acme.zendesk.com': entry('4', '2026-07-14T00:00:00.000Z'),
  });

  it('forgets solved tickets 7 days after they were solved', () => {
    expect(pruneStore(store(), now).forgotten).toEqual(['zendesk:3@https://acme.zendesk.com']);
  });

  it('honours a configured retention', () => {
    expect(pruneStore(store(), now, { ...defaultStoreLimits, forgetSolvedAfterMs: 3 * DAY }).forgotten.sort()).toEqual(['zendesk:2@https://acme.zendesk.com', 'zendesk:3@https://acme.zendesk.com']);
  });

  it('over the cap, drops the oldest solved first, then the least recently seen', () => {
    const limits = { ...defaultStoreLimits, forgetSolvedAfterMs: 365 * DAY, maxTickets: 2 };
    expect(pruneStore(store(), now, limits).forgotten).toEqual(['zendesk:3@https://acme.zendesk.com', 'zendesk:2@https://acme.zendesk.com']);
    expect(pruneStore(store(), now, { ...limits, maxTickets: 1 }).forgotten).toEqual(['zendesk:3@https://acme.zendesk.com', 'zendesk:2@https://acme.zendesk.com', 'zendesk:1@https://acme.zendesk.com']);
  });

  it('over the size estimate, drops until it fits', () => {
    const size = JSON.stringify(store()).length;
    const { store: kept } = pruneStore(store(), now, { ...defaultStoreLimits, forgetSolvedAfterMs: 365 * DAY, maxChars: Math.floor(size / 2) });
    expect(JSON.stringify(kept).length).toBeLessThanOrEqual(Math.floor(size / 2));
    expect(Object.keys(kept)).toContain('zendesk:4@https://acme.zendesk.com');
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { backgroundIdle, createBackground } from '../../lib/background';
import type { TicketJson } from '../../lib/engine/ticket-schema';
import {
  defaultStoreLimits,
  pruneStore,
  recordSeenTicket,
  setStorageProblemSink,
  watchedTicketsItem,
  type WatchedStore,
} from '../../lib/storage';
import { HISTORY_CUT_GAP, MAX_HISTORY_EVENTS } from '../../lib/storage/watched-store';
import { sev1 } from '../alarms/alarm-fixtures';
import { backgroundDeps, contentSender, type FakeWorld, fakeWorld, popupSender } from '../background/fake-ports';
import { watchedTicket } from './watched-ticket-builders';

/** Issue 12, item 3: the store is keyed by origin, system and id; the background's clock; bounded entries. */

const ACME = 'zendesk:35436@https://acme.zendesk.com';
const FREE = 'zendesk:35436@https://free.zendesk.com';
let world: FakeWorld;

afterEach(() => backgroundIdle());
beforeEach(() => {
  fakeBrowser.reset();
  setStorageProblemSink(() => undefined);
  world = fakeWorld('2026-07-14T08:05:00Z');
});

const onSite = (site: string, overrides: Partial<TicketJson> = {}) => sev1({ url: `https://${site}.zendesk.com/agent/tickets/35436`, ...overrides });

async function seen(background: ReturnType<typeof createBackground>, ticket: TicketJson, fetchedAt = world.clock.now.toISOString()) {
  const reply = await background.onMessage({ type: 'ticket:seen', ticket, source: 'api', fetchedAt }, contentSender(ticket.url));
  expect(reply.ok).toBe(true);
  return reply;
}

describe('keyed by origin, system and id', () => {
  it('ticket 35436 of another Zendesk site neither replaces acme\'s entry nor inherits its acknowledgements', async () => {
    const background = createBackground(backgroundDeps(world));
    await seen(background, onSite('acme'));
    const ack = await background.onMessage(
      { type: 'ticket:acknowledge', ticket: { system: 'zendesk', id: '35436' }, role: 'sales-rep' },
      contentSender('https://acme.zendesk.com/agent/tickets/35436'),
    );
    expect(ack.ok).toBe(true);
    await seen(background, onSite('free', { title: 'Free site ticket', status: 'solved' }));
    const store = await watchedTicketsItem.get();
    expect(Object.keys(store).sort()).toEqual([ACME, FREE]);
    expect(store[ACME]?.ticket.title).toBe('Database unavailable');
    expect(Object.keys(store[ACME]?.acknowledged ?? {})).toEqual(['sales-rep']);
    expect(store[FREE]?.acknowledged).toEqual({});
  });

  it('a page can only acknowledge a ticket of its own origin', async () => {
    const background = createBackground(backgroundDeps(world));
    await seen(background, onSite('acme'));
    const reply = await background.onMessage(
      { type: 'ticket:acknowledge', ticket: { system: 'zendesk', id: '35436', origin: 'https://acme.zendesk.com' }, role: 'sales-rep' },
      contentSender('https://free.zendesk.com/agent/tickets/35436'),
    );
    expect(reply).toMatchObject({ ok: false, error: expect.stringMatching(/not watched/) });
    expect((await watchedTicketsItem.get())[ACME]?.acknowledged).toEqual({});
  });

  it('the popup names the origin when two sites have the ticket, and may leave it out when one has', async () => {
    const background = createBackground(backgroundDeps(world));
    await seen(background, onSite('acme'));
    const one = await background.onMessage({ type: 'ticket:snooze', ticket: { system: 'zendesk', id: '35436' }, minutes: 10 }, popupSender());
    expect(one.ok).toBe(true);
    await seen(background, onSite('free'));
    const ambiguous = await background.onMessage({ type: 'ticket:snooze', ticket: { system: 'zendesk', id: '35436' }, minutes: 10 }, popupSender());
    expect(ambiguous).toMatchObject({ ok: false, error: expect.stringMatching(/2 sites/) });
    const named = await background.onMessage(
      { type: 'ticket:snooze', ticket: { system: 'zendesk', id: '35436', origin: 'https://free.zendesk.com' }, minutes: 10 },
      popupSender(),
    );
    expect(named.ok).toBe(true);
    expect((await watchedTicketsItem.get())[FREE]?.snoozedUntil).toBeDefined();
  });
});

describe('v2 → v3 migration loses nothing', () => {
  it('moves every entry to its origin key and renames its shown keys, so nothing is notified again', async () => {
    const entry = watchedTicket({
      acknowledged: { 'sales-rep': { at: '2026-07-14T09:00:00.000Z', by: 'ticket' } },
      shown: { 'zendesk:35436|level|l2|2026-07-14T08:00:00.000Z': '2026-07-14T10:00:00.000Z', other: '2026-07-14T10:00:00.000Z' },
      snoozedUntil: '2026-07-14T10:30:00.000Z',
    });
    const jira = watchedTicket({}, { system: 'jira', id: 'OPS-7' });
    await fakeBrowser.storage.local.set({ watchedTickets: { 'zendesk:35436': entry, 'jira:OPS-7': jira }, watchedTickets$: { v: 2 } });
    const store = await watchedTicketsItem.get();
    expect(Object.keys(store).sort()).toEqual(['jira:OPS-7@https://acme.atlassian.net', ACME]);
    expect(store[ACME]).toEqual({
      ...entry,
      shown: { [`${ACME}|level|l2|2026-07-14T08:00:00.000Z`]: '2026-07-14T10:00:00.000Z', other: '2026-07-14T10:00:00.000Z' },
    });
    expect(store['jira:OPS-7@https://acme.atlassian.net']).toEqual(jira);
  });
});

describe('the background stamps fetchedAt with its own clock', () => {
  it('a page clock running ahead does not freeze the entry', async () => {
    const background = createBackground(backgroundDeps(world));
    await seen(background, onSite('acme'), '2031-01-01T00:00:00.000Z');
    expect((await watchedTicketsItem.get())[ACME]?.fetchedAt).toBe('2026-07-14T08:05:00.000Z');
    world.clock.now = new Date('2026-07-14T08:06:00Z');
    await seen(background, onSite('acme', { title: 'Renamed' }), '2020-01-01T00:00:00.000Z');
    expect((await watchedTicketsItem.get())[ACME]).toMatchObject({ fetchedAt: '2026-07-14T08:06:00.000Z', ticket: { title: 'Renamed' } });
  });

  it('an entry stamped in the future by an older version is replaced by the next read', () => {
    const store: WatchedStore = { [ACME]: watchedTicket({ fetchedAt: '2031-01-01T00:00:00.000Z' }) };
    const now = new Date('2026-07-14T08:06:00Z');
    const next = recordSeenTicket(store, { ticket: onSite('acme', { title: 'Fresh' }), source: 'api', origin: 'https://acme.zendesk.com', fetchedAt: now }, now);
    expect(next[ACME]?.ticket.title).toBe('Fresh');
  });
});

describe('pruning: oversized entries first, history capped', () => {
  const now = new Date('2026-07-14T12:00:00Z');
  const entryFor = (id: string, overrides: Partial<TicketJson> = {}) => {
    const entry = watchedTicket({ lastSeenAt: '2026-07-14T11:00:00.000Z' }, { id, ...overrides });
    return [`zendesk:${id}@https://acme.zendesk.com`, entry] as const;
  };

  it('drops one oversized ticket and keeps every other one', () => {
    const small = Array.from({ length: 20 }, (_, i) => entryFor(String(i + 1)));
    const huge = entryFor('999', { title: 'x'.repeat(defaultStoreLimits.maxEntryChars) });
    const store: WatchedStore = Object.fromEntries([...small, huge]);
    const limits = { ...defaultStoreLimits, maxChars: JSON.stringify(Object.fromEntries(small)).length + 10_000 };
    const result = pruneStore(store, now, limits);
    expect(result.forgotten).toEqual([huge[0]]);
    expect(Object.keys(result.store)).toHaveLength(20);
  });

  it(`keeps each ticket's latest ${MAX_HISTORY_EVENTS} history events and says so`, () => {
    const history = Array.from({ length: MAX_HISTORY_EVENTS + 50 }, (_, i) => ({
      at: new Date(Date.parse('2026-07-14T08:00:00Z') + i * 1000).toISOString(),
      kind: 'publicReply' as const,
    }));
    const [key, entry] = entryFor('5', { history });
    const kept = pruneStore({ [key]: entry }, now).store[key];
    expect(kept?.ticket.history).toHaveLength(MAX_HISTORY_EVENTS);
    expect(kept?.ticket.history[0]?.at).toBe(history[50]?.at);
    expect(kept?.ticket.gaps).toContain(HISTORY_CUT_GAP);
  });
});

import { watchedEntryKey } from '../../lib/storage';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import {
  backgroundIdle,
  backoffAfterFailure,
  createBackground,
  nextRefreshAt,
  type TicketFetcher,
  ticketsToRefresh,
  WAKE_ALARM,
} from '../../lib/background';
import { ticketFromJson, type TicketJson } from '../../lib/engine/ticket-schema';
import { HelpdeskError } from '../../lib/helpdesks/contract';
import { backgroundStateItem, setStorageProblemSink, type WatchedStore, watchedTicketsItem } from '../../lib/storage';
import { sev1 } from '../alarms/alarm-fixtures';
import { watchedTicket } from '../storage/watched-ticket-builders';
import { backgroundDeps, type FakeWorld, fakeWorld } from './fake-ports';

let world: FakeWorld;

afterEach(() => backgroundIdle());

beforeEach(() => {
  fakeBrowser.reset();
  setStorageProblemSink(() => undefined);
  world = fakeWorld('2026-07-14T10:00:00Z');
});

const fetchedAt = (iso: string) => ({ fetchedAt: iso, lastSeenAt: iso });

async function watch(entries: Array<[Partial<TicketJson>, string]>) {
  const store: WatchedStore = {};
  for (const [ticket, at] of entries) {
    const entry = watchedTicket(fetchedAt(at), sev1(ticket));
    store[watchedEntryKey(entry)] = entry;
  }
  await watchedTicketsItem.set(store);
}

const fetched = (json: TicketJson) => ({ ticket: ticketFromJson(json), version: '1', nativeSla: [] });

describe('background refresh from the helpdesk API', () => {
  it('refreshes a ticket not read for 10 minutes, keeping acknowledgements and what was shown', async () => {
    await watch([[{ id: '1' }, '2026-07-14T09:40:00.000Z']]);
    await watchedTicketsItem.update((s) => ({
      ...s,
      'zendesk:1@https://acme.zendesk.com': { ...s['zendesk:1@https://acme.zendesk.com']!, acknowledged: { 'sales-rep': { at: '2026-07-14T09:41:00.000Z', by: 'local' } } },
    }));
    const zendesk = vi.fn<TicketFetcher>(async (id) => fetched(sev1({ id, title: 'Renamed upstream', severity: 2 })));
    const background = createBackground(backgroundDeps(world, { fetchers: { zendesk } }));
    await background.onAlarm({ name: WAKE_ALARM });
    const entry = (await watchedTicketsItem.get())['zendesk:1@https://acme.zendesk.com'];
    expect(zendesk).toHaveBeenCalledWith('1', expect.objectContaining({ origin: 'https://acme.zendesk.com' }), null);
    expect(entry).toMatchObject({ fetchedAt: '2026-07-14T10:00:00.000Z', source: 'api', ticket: { title: 'Renamed upstream', severity: 2 } });
    expect(Object.keys(entry?.acknowledged ?? {})).toEqual(['sales-rep']);
  });

  it('reads a Jira Data Center ticket under its context path, not the bare origin', async () => {
    await watch([[{ system: 'jira', id: 'OPS-42', url: 'https://jira.acme-corp.test/jira/browse/OPS-42' }, '2026-07-14T09:40:00.000Z']]);
    const jira = vi.fn<TicketFetcher>(async (id) => fetched(sev1({ system: 'jira', id, url: 'https://jira.acme-corp.test/jira/browse/OPS-42' })));
    const background = createBackground(backgroundDeps(world, { fetchers: { jira } }));
    await background.onAlarm({ name: WAKE_ALARM });
    expect(jira).toHaveBeenCalledWith('OPS-42', expect.objectContaining({ origin: 'https://jira.acme-corp.test/jira' }), null);
  });

  it('leaves a recently read ticket alone', async () => {
    await watch([[{ id: '1' }, '2026-07-14T09:55:00.000Z']]);
    const zendesk = vi.fn<TicketFetcher>();
    await createBackground(backgroundDeps(world, { fetchers: { zendesk } })).onAlarm({ name: WAKE_ALARM });
    expect(zendesk).not.toHaveBeenCalled();
  });

  it('keeps the data of a ticket that cannot be refreshed and records why', async () => {
    await watch([[{ id: '1' }, '2026-07-14T09:00:00.000Z']]);
    const zendesk: TicketFetcher = () => Promise.reject(new HelpdeskError('server', 'HTTP 503', 503));
    await createBackground(backgroundDeps(world, { fetchers: { zendesk } })).onAlarm({ name: WAKE_ALARM });
    const entry = (await watchedTicketsItem.get())['zendesk:1@https://acme.zendesk.com'];
    expect(entry).toMatchObject({
      fetchedAt: '2026-07-14T09:00:00.000Z',
      lastRefreshAttemptAt: '2026-07-14T10:00:00.000Z',
      refreshError: { kind: 'server', message: 'HTTP 503', at: '2026-07-14T10:00:00.000Z' },
    });
  });

  it('honours Retry-After: backs off the whole origin and skips its other tickets on this wake', async () => {
    await watch([
      [{ id: '1' }, '2026-07-14T09:00:00.000Z'],
      [{ id: '2' }, '2026-07-14T09:01:00.000Z'],
    ]);
    const zendesk = vi.fn<TicketFetcher>(() => Promise.reject(new HelpdeskError('rateLimited', 'HTTP 429', 429, 120_000)));
    await createBackground(backgroundDeps(world, { fetchers: { zendesk } })).onAlarm({ name: WAKE_ALARM });
    expect(zendesk).toHaveBeenCalledTimes(1);
    expect((await backgroundStateItem.get()).refreshBackoff['https://acme.zendesk.com']).toEqual({ until: '2026-07-14T10:02:00.000Z', failures: 1 });
  });

  it('never waits inside a request: a retry the helpdesk layer wants becomes a back-off', async () => {
    await watch([[{ id: '1' }, '2026-07-14T09:00:00.000Z']]);
    const zendesk: TicketFetcher = async (_id, io) => {
      await io.sleep?.(5_000);
      throw new Error('unreachable');
    };
    await createBackground(backgroundDeps(world, { fetchers: { zendesk } })).onAlarm({ name: WAKE_ALARM });
    const backoff = (await backgroundStateItem.get()).refreshBackoff['https://acme.zendesk.com'];
    expect(backoff?.until).toBe('2026-07-14T10:01:00.000Z');
  });

  it('does not refresh solved tickets or helpdesks without a fetcher', async () => {
    await watch([
      [{ id: '1', status: 'solved' }, '2026-07-14T09:00:00.000Z'],
      [{ system: 'jira', id: 'OPS-1' }, '2026-07-14T09:00:00.000Z'],
    ]);
    const zendesk = vi.fn<TicketFetcher>();
    await createBackground(backgroundDeps(world, { fetchers: { zendesk } })).onAlarm({ name: WAKE_ALARM });
    expect(zendesk).not.toHaveBeenCalled();
  });
});

describe('refresh plan', () => {
  const now = new Date('2026-07-14T10:00:00Z');
  const systems = new Set(['zendesk' as const]);
  const store = (): WatchedStore => {
    const entries = ['09:00', '09:30', '09:10', '09:20', '09:55'].map((time, i) =>
      watchedTicket(fetchedAt(`2026-07-14T${time}:00.000Z`), sev1({ id: String(i + 1) })),
    );
    return Object.fromEntries(entries.map((e) => [`zendesk:${e.ticket.id}@https://acme.zendesk.com`, e]));
  };

  it('takes a few per wake, the longest unread first', () => {
    expect(ticketsToRefresh(store(), {}, now, systems)).toEqual(['zendesk:1@https://acme.zendesk.com', 'zendesk:3@https://acme.zendesk.com', 'zendesk:4@https://acme.zendesk.com']);
  });

  it('takes none from an origin that is backing off', () => {
    const backoff = { 'https://acme.zendesk.com': { until: '2026-07-14T10:05:00.000Z', failures: 1 } };
    expect(ticketsToRefresh(store(), backoff, now, systems)).toEqual([]);
    expect(nextRefreshAt(store(), backoff, now, systems)).toEqual(new Date('2026-07-14T10:05:00.000Z'));
  });

  it('plans the next refresh when the next ticket turns 10 minutes old', () => {
    const onlyRecent = { 'zendesk:5@https://acme.zendesk.com': store()['zendesk:5@https://acme.zendesk.com']! };
    expect(nextRefreshAt(onlyRecent, {}, now, systems)).toEqual(new Date('2026-07-14T10:05:00.000Z'));
  });

  const backoffCases: Array<[string, { kind: string; retryAfterMs?: number }, number, string]> = [
    ['Retry-After is honoured', { kind: 'rateLimited', retryAfterMs: 300_000 }, 0, '2026-07-14T10:05:00.000Z'],
    ['a very short Retry-After still waits a minute', { kind: 'rateLimited', retryAfterMs: 1_000 }, 0, '2026-07-14T10:01:00.000Z'],
    ['a first server error waits 2 minutes', { kind: 'server' }, 0, '2026-07-14T10:02:00.000Z'],
    ['repeated failures double the wait', { kind: 'timeout' }, 2, '2026-07-14T10:08:00.000Z'],
    ['the wait is capped at an hour', { kind: 'network' }, 9, '2026-07-14T11:00:00.000Z'],
    ['signed out: wait half an hour for the engineer to sign in', { kind: 'unauthorized' }, 0, '2026-07-14T10:30:00.000Z'],
  ];
  it.each(backoffCases)('%s', (_rule, failure, previousFailures, until) => {
    const before: Record<string, { until: string; failures: number }> =
      previousFailures > 0 ? { o: { until: now.toISOString(), failures: previousFailures } } : {};
    expect(backoffAfterFailure(before, 'o', now, failure).o?.until).toBe(until);
  });
});

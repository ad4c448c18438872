import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { setStorageProblemSink, type StorageProblem, watchedTicketsItem, WATCHED_TICKETS_VERSION } from '../../lib/storage';
import v1Fixture from './fixtures/watched-tickets-v1.json';
import { watchedTicket } from './watched-ticket-builders';

let problems: StorageProblem[];

beforeEach(() => {
  fakeBrowser.reset();
  problems = [];
  setStorageProblemSink((problem) => problems.push(problem));
});

describe('watched tickets: migration from v1', () => {
  it('turns acknowledged role lists into per-role records dated at the last fetch', async () => {
    await fakeBrowser.storage.local.set({ watchedTickets: v1Fixture });
    const store = await watchedTicketsItem.get();
    expect(store['zendesk:35436@https://acme.zendesk.com']?.acknowledged).toEqual({
      'sales-rep': { at: '2026-07-14T10:05:00Z', by: 'local' },
    });
  });

  it('turns an epoch-milliseconds snooze into an ISO instant', async () => {
    await fakeBrowser.storage.local.set({ watchedTickets: v1Fixture });
    const store = await watchedTicketsItem.get();
    expect(store['zendesk:35436@https://acme.zendesk.com']?.snoozedUntil).toBe(new Date(1784023200000).toISOString());
  });

  it('keeps the notification keys already shown, so nothing is notified twice after the upgrade', async () => {
    await fakeBrowser.storage.local.set({ watchedTickets: v1Fixture });
    const store = await watchedTicketsItem.get();
    expect(Object.keys(store['zendesk:35436@https://acme.zendesk.com']?.shown ?? {})).toEqual(['zendesk:35436@https://acme.zendesk.com|level|l2|2026-07-14T08:00:00.000Z']);
  });

  it('derives the origin from the ticket URL', async () => {
    await fakeBrowser.storage.local.set({ watchedTickets: v1Fixture });
    const store = await watchedTicketsItem.get();
    expect(store['jira:OPS-42@https://acme.atlassian.net']?.origin).toBe('https://acme.atlassian.net');
  });

  it('drops the one unreadable v1 entry with a reason naming it, and keeps the others', async () => {
    await fakeBrowser.storage.local.set({ watchedTickets: v1Fixture });
    const store = await watchedTicketsItem.get();
    expect(Object.keys(store).sort()).toEqual(['jira:OPS-42@https://acme.atlassian.net', 'zendesk:35436@https://acme.zendesk.com']);
    expect(problems.some((p) => p.key === 'local:watchedTickets' && p.reason.includes('zendesk:999'))).toBe(true);
  });

  it('records the new version, so the migration runs once', async () => {
    await fakeBrowser.storage.local.set({ watchedTickets: v1Fixture });
    await watchedTicketsItem.get();
    const stored = await fakeBrowser.storage.local.get('watchedTickets$');
    expect(stored['watchedTickets$']).toMatchObject({ v: WATCHED_TICKETS_VERSION, epoch: expect.any(String), seq: 1 });
    problems = [];
    await watchedTicketsItem.get();
    expect(problems).toEqual([]);
    // Read again: nothing to migrate or repair, so the metadata is not written again.
    expect((await fakeBrowser.storage.local.get('watchedTickets$'))['watchedTickets$']).toEqual(stored['watchedTickets$']);
  });
});

describe('watched tickets: corrupt values', () => {
  it('drops a corrupt entry with the field at fault and keeps every other ticket', async () => {
    const good = watchedTicket();
    const bad = { ...watchedTicket({}, { id: '2' }), fetchedAt: 'yesterday' };
    await fakeBrowser.storage.local.set({ watchedTickets: { 'zendesk:35436': good, 'zendesk:2': bad }, watchedTickets$: { v: 2 } });
    const store = await watchedTicketsItem.get();
    expect(Object.keys(store)).toEqual(['zendesk:35436@https://acme.zendesk.com']);
    expect(problems.map((p) => p.reason).join('\n')).toMatch(/zendesk:2.*fetchedAt/);
  });

  it('writes the repaired store back so the reason is logged once', async () => {
    const bad = { ...watchedTicket(), acknowledged: 'sales-rep' };
    await fakeBrowser.storage.local.set({ watchedTickets: { 'zendesk:35436': bad }, watchedTickets$: { v: 2 } });
    await watchedTicketsItem.get();
    const count = problems.length;
    await watchedTicketsItem.get();
    expect(count).toBeGreaterThan(0);
    expect(problems.length).toBe(count);
  });

  it('replaces a value that is not a ticket map by an empty store, never throwing', async () => {
    await fakeBrowser.storage.local.set({ watchedTickets: 'garbage', watchedTickets$: { v: 2 } });
    await expect(watchedTicketsItem.get()).resolves.toEqual({});
    expect(problems.length).toBeGreaterThan(0);
  });

  it('moves a ticket stored under the wrong key to its own key', async () => {
    await fakeBrowser.storage.local.set({ watchedTickets: { 'jira:X-1': watchedTicket() }, watchedTickets$: { v: 2 } });
    const store = await watchedTicketsItem.get();
    expect(Object.keys(store)).toEqual(['zendesk:35436@https://acme.zendesk.com']);
  });

  it('reads a store written by a newer version as far as this version understands it, and says so', async () => {
    await fakeBrowser.storage.local.set({
      watchedTickets: { 'zendesk:35436@https://acme.zendesk.com': { ...watchedTicket(), futureField: 1 }, 'zendesk:7@https://acme.zendesk.com': { v3: true } },
      watchedTickets$: { v: 9 },
    });
    const store = await watchedTicketsItem.get();
    expect(Object.keys(store)).toEqual(['zendesk:35436@https://acme.zendesk.com']);
    expect(problems.some((p) => p.reason.includes('newer version (v9)'))).toBe(true);
  });
});

describe('watched tickets: writes', () => {
  it('stores the value together with its version, each ticket under its own key (v4)', async () => {
    await watchedTicketsItem.set({ 'zendesk:35436@https://acme.zendesk.com': watchedTicket() });
    const raw = await fakeBrowser.storage.local.get(null);
    const meta = raw['watchedTickets$'] as { v: number; revs: string };
    expect(meta.v).toBe(WATCHED_TICKETS_VERSION);
    expect(JSON.parse(meta.revs)).toEqual({ 'zendesk:35436@https://acme.zendesk.com': [expect.any(Number), expect.any(Number)] });
    expect(Object.keys(raw).filter((key) => key !== 'watchedTickets$')).toEqual(['watched:zendesk:35436@https://acme.zendesk.com']);
  });

  it('refuses to write an invalid value, naming the field', async () => {
    const bad = { ...watchedTicket(), source: 'guess' } as unknown as ReturnType<typeof watchedTicket>;
    await expect(watchedTicketsItem.set({ 'zendesk:35436@https://acme.zendesk.com': bad })).rejects.toThrow(/source/);
  });

  it('serialises concurrent updates so none is lost', async () => {
    await Promise.all(
      ['1', '2', '3', '4'].map((id) =>
        watchedTicketsItem.update((store) => ({ ...store, [`zendesk:${id}@https://acme.zendesk.com`]: watchedTicket({}, { id }) })),
      ),
    );
    expect(Object.keys(await watchedTicketsItem.get()).sort()).toEqual(['zendesk:1@https://acme.zendesk.com', 'zendesk:2@https://acme.zendesk.com', 'zendesk:3@https://acme.zendesk.com', 'zendesk:4@https://acme.zendesk.com']);
  });
});

import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { healthItem, setStorageProblemSink, type StorageProblem, type WatchedStore } from '../../lib/storage';
import { setParsedItemCaching } from '../../lib/storage/parsed-item';
import { forgetTicket, recordSeenTicket } from '../../lib/storage/watched-store';
import { createWatchedStoreItem } from '../../lib/storage/watched-store-item';
import { legacyMigrations, validateChangedEntries, WATCHED_TICKETS_VERSION, watchedTicketsItem } from '../../lib/storage/watched-tickets';
import v1Fixture from './fixtures/watched-tickets-v1.json';
import { ticketJson, watchedTicket } from './watched-ticket-builders';

/**
 * Issue 11 item 7: the watched store is one storage key per ticket (v4), so that a write costs a
 * ticket and not the store; the v1–v3 single-key store migrates without losing a ticket; a change
 * applied in memory is in storage as soon as the update resolves (a stopped worker loses nothing).
 */

const ORIGIN = 'https://acme.zendesk.com';
const keyOf = (id: string) => `zendesk:${id}@${ORIGIN}`;
const storageKeyOf = (id: string) => `watched:${keyOf(id)}`;

/** A second instance over the same storage: the background after its service worker was stopped. */
const restartedWorkerItem = () =>
  createWatchedStoreItem({ version: WATCHED_TICKETS_VERSION, legacyMigrations, validateChanged: validateChangedEntries });

async function rawStorage(): Promise<Record<string, unknown>> {
  return (await fakeBrowser.storage.local.get(null)) as Record<string, unknown>;
}
const ticketKeysInStorage = async () =>
  Object.keys(await rawStorage())
    .filter((key) => key.startsWith('watched:'))
    .sort();

let problems: StorageProblem[];
beforeEach(() => {
  fakeBrowser.reset();
  problems = [];
  setStorageProblemSink((problem) => problems.push(problem));
});
afterEach(() => setParsedItemCaching(false));

describe('migration v3 → v4: one key per ticket', () => {
  it('moves every v3 entry to its own key, removes the old key only after, and records v4', async () => {
    const one = watchedTicket({ shown: { [`${keyOf('1')}|level|l2|2026-07-14T08:00:00.000Z`]: '2026-07-14T08:00:00.000Z' } }, { id: '1' });
    const two = watchedTicket({ acknowledged: { 'sales-rep': { at: '2026-07-14T08:10:00.000Z', by: 'ticket' } } }, { id: '2' });
    await fakeBrowser.storage.local.set({ watchedTickets: { [keyOf('1')]: one, [keyOf('2')]: two }, watchedTickets$: { v: 3 } });
    const store = await watchedTicketsItem.get();
    expect(store).toEqual({ [keyOf('1')]: one, [keyOf('2')]: two });
    const raw = await rawStorage();
    expect(raw['watchedTickets']).toBeUndefined();
    const meta = raw['watchedTickets$'] as { v: number; revs: string };
    expect(meta.v).toBe(4);
    expect(JSON.parse(meta.revs)).toEqual({ [keyOf('1')]: [1, expect.any(Number)], [keyOf('2')]: [1, expect.any(Number)] });
    expect(raw[storageKeyOf('1')]).toEqual(one);
    expect(raw[storageKeyOf('2')]).toEqual(two);
    expect(problems).toEqual([]);
  });

  it('refuses a corrupt entry with its key and the field at fault, on the Health tab too, and keeps the others', async () => {
    const good = watchedTicket({}, { id: '1' });
    const corrupt = { ...watchedTicket({}, { id: '2' }), fetchedAt: 'yesterday' };
    await fakeBrowser.storage.local.set({ watchedTickets: { [keyOf('1')]: good, [keyOf('2')]: corrupt, junk: 42 }, watchedTickets$: { v: 3 } });
    expect(Object.keys(await watchedTicketsItem.get())).toEqual([keyOf('1')]);
    expect(await ticketKeysInStorage()).toEqual([storageKeyOf('1')]);
    const reasons = problems.map((p) => `${p.key} ${p.reason}`).join('\n');
    expect(reasons).toMatch(/local:watchedTickets dropped ticket zendesk:2@https:\/\/acme\.zendesk\.com: .*fetchedAt/);
    expect(reasons).toMatch(/dropped ticket junk/);
    const refused = (await healthItem.get()).refused;
    expect(refused.map((r) => r.ticket).sort()).toEqual(['junk', keyOf('2')]);
    expect(refused.find((r) => r.ticket === keyOf('2'))).toMatchObject({ origin: ORIGIN, reason: expect.stringMatching(/fetchedAt/) });
  });

  it('migrates a v2 store (keys without the origin) and renames its shown notification keys with it', async () => {
    const entry = watchedTicket({ shown: { 'zendesk:35436|level|l2|2026-07-14T08:00:00.000Z': '2026-07-14T08:00:00.000Z' } });
    await fakeBrowser.storage.local.set({ watchedTickets: { 'zendesk:35436': entry }, watchedTickets$: { v: 2 } });
    const store = await watchedTicketsItem.get();
    expect(Object.keys(store)).toEqual([keyOf('35436')]);
    expect(Object.keys(store[keyOf('35436')]?.shown ?? {})).toEqual([`${keyOf('35436')}|level|l2|2026-07-14T08:00:00.000Z`]);
    expect(await ticketKeysInStorage()).toEqual([storageKeyOf('35436')]);
  });

  it('migrates a v1 store (no version recorded) all the way, dropping only its unreadable entry', async () => {
    await fakeBrowser.storage.local.set({ watchedTickets: v1Fixture });
    expect(Object.keys(await watchedTicketsItem.get()).sort()).toEqual(['jira:OPS-42@https://acme.atlassian.net', keyOf('35436')]);
    expect(await ticketKeysInStorage()).toEqual(['watched:jira:OPS-42@https://acme.atlassian.net', storageKeyOf('35436')]);
    expect((await rawStorage())['watchedTickets$']).toMatchObject({ v: 4, seq: 1 });
    expect(problems.some((p) => p.reason.includes('zendesk:999'))).toBe(true);
  });

  it('a migration stopped before the old key was removed loses nothing and doubles nothing', async () => {
    const newer = watchedTicket({ lastSeenAt: '2026-07-14T09:00:00.000Z' }, { id: '1', title: 'Newer' });
    const older = watchedTicket({}, { id: '1', title: 'Older' });
    const onlyOld = watchedTicket({}, { id: '3' });
    await fakeBrowser.storage.local.set({
      [storageKeyOf('1')]: newer,
      watchedTickets: { [keyOf('1')]: older, [keyOf('3')]: onlyOld },
      watchedTickets$: { v: 4 },
    });
    const store = await watchedTicketsItem.get();
    expect(store[keyOf('1')]?.ticket.title).toBe('Newer');
    expect(Object.keys(store).sort()).toEqual([keyOf('1'), keyOf('3')]);
    expect((await rawStorage())['watchedTickets']).toBeUndefined();
    expect(await ticketKeysInStorage()).toEqual([storageKeyOf('1'), storageKeyOf('3')]);
  });

  it('an unreadable v4 entry is refused and removed; the others stay where they are', async () => {
    await fakeBrowser.storage.local.set({
      [storageKeyOf('1')]: watchedTicket({}, { id: '1' }),
      [storageKeyOf('2')]: { ...watchedTicket({}, { id: '2' }), source: 'guess' },
      watchedTickets$: { v: 4 },
    });
    expect(Object.keys(await watchedTicketsItem.get())).toEqual([keyOf('1')]);
    expect(await ticketKeysInStorage()).toEqual([storageKeyOf('1')]);
    expect(problems.map((p) => p.reason).join('\n')).toMatch(/zendesk:2@.*source/);
    expect((await healthItem.get()).refused.map((r) => r.ticket)).toEqual([keyOf('2')]);
  });
});

describe('a write costs the tickets it changed, not the store', () => {
  const fifty = (): WatchedStore => Object.fromEntries(Array.from({ length: 50 }, (_, i) => [keyOf(String(i + 1)), watchedTicket({}, { id: String(i + 1) })]));

  for (const caching of [true, false]) {
    it(`an ingest writes that one ticket's key and a forget removes only its key (${caching ? 'background, in memory' : 'a page'})`, async () => {
      setParsedItemCaching(caching);
      await watchedTicketsItem.set(fifty());
      const calls: string[][] = [];
      fakeBrowser.storage.onChanged.addListener((changes) => calls.push(Object.keys(changes).sort()));
      const now = new Date('2026-07-14T09:00:00.000Z');
      await watchedTicketsItem.update((store) =>
        recordSeenTicket(store, { ticket: ticketJson({ id: '7', title: 'Changed' }), source: 'api', origin: ORIGIN, fetchedAt: now }, now),
      );
      expect(calls).toEqual([[storageKeyOf('7'), 'watchedTickets$']]);
      expect(((await rawStorage())[storageKeyOf('7')] as { ticket: { title: string } }).ticket.title).toBe('Changed');
      calls.length = 0;
      await watchedTicketsItem.update((store) => forgetTicket(store, keyOf('9')));
      // The removal first, then the metadata without its revision.
      expect(calls).toEqual([[storageKeyOf('9')], ['watchedTickets$']]);
      expect(await ticketKeysInStorage()).toHaveLength(49);
    });
  }
});

describe('no read is lost', () => {
  beforeEach(() => setParsedItemCaching(true));

  it('a read applied in memory (durable: false) is in storage when the update resolves: a worker stopped then loses nothing', async () => {
    const now = new Date('2026-07-14T09:00:00.000Z');
    await watchedTicketsItem.update(
      (store) => recordSeenTicket(store, { ticket: ticketJson({ id: '1' }), source: 'api', origin: ORIGIN, fetchedAt: now }, now),
      { durable: false },
    );
    // No timer runs, no write is awaited: the worker stops here, and a new one reads storage.
    setParsedItemCaching(false);
    expect(Object.keys(await restartedWorkerItem().get())).toEqual([keyOf('1')]);
  });

  it('whatever the order of reads, durable or not, storage ends with the latest of each ticket (property)', async () => {
    const op = fc.record({
      id: fc.constantFrom('1', '2', '3'),
      minute: fc.integer({ min: 0, max: 59 }),
      durable: fc.boolean(),
      forget: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 12 }), async (ops) => {
        fakeBrowser.reset();
        setStorageProblemSink(() => undefined);
        setParsedItemCaching(true);
        const worker = restartedWorkerItem();
        let expected: WatchedStore = {};
        const pending: Array<Promise<WatchedStore>> = [];
        for (const [index, { id, minute, durable, forget }] of ops.entries()) {
          const at = new Date(Date.UTC(2026, 6, 14, 9, minute, index));
          const change = (store: WatchedStore) =>
            forget
              ? forgetTicket(store, keyOf(id))
              : recordSeenTicket(store, { ticket: ticketJson({ id, title: `read ${index}` }), source: 'api', origin: ORIGIN, fetchedAt: at }, at);
          // Issued together, as messages arrive; only some wait for storage.
          pending.push(worker.update(change, { durable }));
        }
        const results = await Promise.all(pending);
        expected = results.at(-1) as WatchedStore;
        const titles = (store: WatchedStore) => Object.fromEntries(Object.entries(store).map(([key, entry]) => [key, entry.ticket.title]));
        setParsedItemCaching(false);
        expect(titles(await restartedWorkerItem().get())).toEqual(titles(expected));
        expect(titles(await worker.get())).toEqual(titles(expected));
      }),
      { numRuns: 60 },
    );
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { setParsedItemCaching, StorageWriteError } from '../../lib/storage/parsed-item';
import { markShown, pruneStore } from '../../lib/storage/watched-store';
import type { WatchedStore } from '../../lib/storage/watched-ticket-schema';
import { watchedTicketsItem } from '../../lib/storage/watched-tickets';
import { setStorageProblemSink } from '../../lib/storage';

/**
 * The background keeps the watched store parsed in memory (issue 11 item 7: 2,000 tickets cost a
 * full zod parse and a 1.7 MB write per change otherwise): reads come from memory until another
 * context changes the store, writes validate only the entries that changed, and a change that
 * changes nothing writes nothing.
 */

const NOW = new Date('2026-07-14T07:00:00Z');
const ORIGIN = 'https://acme.zendesk.com';

function entry(id: string) {
  return {
    ticket: {
      system: 'zendesk' as const,
      id,
      url: `${ORIGIN}/agent/tickets/${id}`,
      title: `Ticket ${id}`,
      createdAt: '2026-07-14T06:00:00.000Z',
      severity: 2 as const,
      status: 'active' as const,
      office: null,
      workaround: false,
      history: [],
    },
    source: 'api' as const,
    origin: ORIGIN,
    fetchedAt: NOW.toISOString(),
    lastRefreshAttemptAt: null,
    acknowledged: {},
    shown: {},
    firstSeenAt: NOW.toISOString(),
    lastSeenAt: NOW.toISOString(),
  };
}
const keyOf = (id: string) => `zendesk:${id}@${ORIGIN}`;

describe('the watched store kept in memory by the background', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    setStorageProblemSink(() => undefined);
    setParsedItemCaching(true);
  });
  afterEach(() => setParsedItemCaching(false));

  it('reads from memory after its own write, and reads storage again after another context changed it', async () => {
    await watchedTicketsItem.set({ [keyOf('1')]: entry('1') } as unknown as WatchedStore);
    const first = await watchedTicketsItem.get();
    expect(await watchedTicketsItem.get()).toBe(first); // the same object: not parsed again
    // Another context (an old page, a test) writes the store directly.
    await fakeBrowser.storage.local.set({ watchedTickets: { [keyOf('2')]: entry('2') }, watchedTickets$: { v: 3 } });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(Object.keys(await watchedTicketsItem.get())).toEqual([keyOf('2')]);
  });

  it('a write validates the entries that changed and names a bad one; the others are not parsed again', async () => {
    await watchedTicketsItem.set({ [keyOf('1')]: entry('1'), [keyOf('2')]: entry('2') } as unknown as WatchedStore);
    const before = await watchedTicketsItem.get();
    const after = await watchedTicketsItem.update((store) => ({ ...store, [keyOf('3')]: entry('3') as unknown as WatchedStore[string] }));
    expect(after[keyOf('1')]).toBe(before[keyOf('1')]);
    await expect(
      watchedTicketsItem.update((store) => ({ ...store, [keyOf('4')]: { ...entry('4'), fetchedAt: 'yesterday' } as unknown as WatchedStore[string] })),
    ).rejects.toThrow(StorageWriteError);
    await expect(
      watchedTicketsItem.update((store) => ({ ...store, [keyOf('4')]: { ...entry('4'), fetchedAt: 'yesterday' } as unknown as WatchedStore[string] })),
    ).rejects.toThrow(/zendesk:4@https:\/\/acme\.zendesk\.com.*fetchedAt/);
    expect(Object.keys(await watchedTicketsItem.get()).sort()).toEqual([keyOf('1'), keyOf('2'), keyOf('3')]);
  });

  it('a wake that records nothing new and drops nothing writes nothing', async () => {
    await watchedTicketsItem.set({ [keyOf('1')]: { ...entry('1'), shown: { 'k1': NOW.toISOString() } } } as unknown as WatchedStore);
    const meta = (await fakeBrowser.storage.local.get('watchedTickets$'))['watchedTickets$'];
    const store = await watchedTicketsItem.get();
    expect(pruneStore(store, NOW).store).toBe(store);
    expect(markShown(store, new Map([[keyOf('1'), ['k1']]]), NOW)).toBe(store);
    await watchedTicketsItem.update((current) => markShown(pruneStore(current, NOW).store, new Map([[keyOf('1'), ['k1']]]), NOW));
    expect((await fakeBrowser.storage.local.get('watchedTickets$'))['watchedTickets$']).toEqual(meta);
    await watchedTicketsItem.update((current) => markShown(current, new Map([[keyOf('1'), ['k2']]]), NOW));
    expect((await fakeBrowser.storage.local.get('watchedTickets$'))['watchedTickets$']).not.toEqual(meta);
  });

  it('a change applied in memory is read at once, and storage holds it as soon as the update resolves, each ticket in its own write', async () => {
    await watchedTicketsItem.set({} as WatchedStore);
    const written: string[][] = [];
    fakeBrowser.storage.onChanged.addListener((changes) => {
      written.push(Object.keys(changes).filter((key) => key.startsWith('watched:')));
    });
    const ids = Array.from({ length: 10 }, (_, i) => String(i + 1));
    await Promise.all(
      ids.map((id) => watchedTicketsItem.update((store) => ({ ...store, [keyOf(id)]: entry(id) as unknown as WatchedStore[string] }), { durable: false })),
    );
    expect(Object.keys(await watchedTicketsItem.get())).toHaveLength(10);
    const raw = await fakeBrowser.storage.local.get(null);
    expect(Object.keys(raw).filter((key) => key.startsWith('watched:'))).toHaveLength(10);
    expect(written).toEqual(ids.map((id) => [`watched:${keyOf(id)}`]));
  });
});

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { healthItem, setStorageProblemSink, type StorageProblem, type StoreRevisions, type WatchedStore, type WatchedTicket } from '../../lib/storage';
import { setParsedItemCaching } from '../../lib/storage/parsed-item';
import { recordSeenTicket } from '../../lib/storage/watched-store';
import { createWatchedStoreItem } from '../../lib/storage/watched-store-item';
import { legacyMigrations, validateChangedEntries, WATCHED_TICKETS_VERSION } from '../../lib/storage/watched-tickets';
import { ticketJson, watchedTicket } from './watched-ticket-builders';

/**
 * Issue 11: a new service worker must not read and parse all 2,000 entries to wake. The store's
 * metadata records each entry's revision and size (`revisions()` reads only it), and entries are
 * read and changed a few at a time (`getEntries`, `updateEntries`), with the same checks, the same
 * refusals and the same revisions as the whole-store operations.
 */

const ORIGIN = 'https://acme.zendesk.com';
const META = 'watchedTickets$';
const keyOf = (id: string) => `zendesk:${id}@${ORIGIN}`;
const storageKeyOf = (id: string) => `watched:${keyOf(id)}`;
const entry = (id: string, overrides: Partial<WatchedTicket> = {}, title = `Ticket ${id}`) => watchedTicket(overrides, { id, title });
const storeOf = (...ids: string[]): WatchedStore => Object.fromEntries(ids.map((id) => [keyOf(id), entry(id)]));

/** Another instance over the same storage: a new service worker (or another context). */
const newItem = () => createWatchedStoreItem({ version: WATCHED_TICKETS_VERSION, legacyMigrations, validateChanged: validateChangedEntries });

const rawStorage = async () => (await fakeBrowser.storage.local.get(null)) as Record<string, unknown>;
/** The stored metadata, its `revs` (JSON text) decoded. */
const storedMeta = async () => {
  const meta = (await rawStorage())[META] as { v: number; epoch: string; seq: number; revs: string };
  expect(typeof meta.revs).toBe('string');
  return { ...meta, revs: JSON.parse(meta.revs) as Record<string, [number, number]> };
};
const revOf = (revisions: StoreRevisions, id: string) => revisions.revs.get(keyOf(id))?.rev;
const plain = (revisions: StoreRevisions) => ({ epoch: revisions.epoch, revs: Object.fromEntries(revisions.revs) });
/** Lets storage change events reach their listeners. */
const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

let problems: StorageProblem[];
beforeEach(() => {
  fakeBrowser.reset();
  problems = [];
  setStorageProblemSink((problem) => problems.push(problem));
});
afterEach(() => setParsedItemCaching(false));

for (const caching of [true, false]) {
  const where = caching ? 'background, in memory' : 'a page';

  describe(`revisions (${where})`, () => {
    beforeEach(() => setParsedItemCaching(caching));

    it('a write of an entry changes its revision and only its; the size is key.length + its JSON length', async () => {
      const item = newItem();
      await item.set(storeOf('1', '2', '3'));
      const before = await item.revisions();
      expect([...before.revs.keys()].sort()).toEqual([keyOf('1'), keyOf('2'), keyOf('3')]);
      const raw = await rawStorage();
      for (const id of ['1', '2', '3']) expect(before.revs.get(keyOf(id))?.size).toBe(keyOf(id).length + JSON.stringify(raw[storageKeyOf(id)]).length);

      const now = new Date('2026-07-14T09:00:00.000Z');
      await item.update((store) =>
        recordSeenTicket(store, { ticket: ticketJson({ id: '2', title: 'A much longer title than before' }), source: 'api', origin: ORIGIN, fetchedAt: now }, now),
      );
      const afterUpdate = await item.revisions();
      expect(afterUpdate.epoch).toBe(before.epoch);
      expect(revOf(afterUpdate, '2')).toBeGreaterThan(revOf(before, '2') as number);
      expect(revOf(afterUpdate, '1')).toBe(revOf(before, '1'));
      expect(revOf(afterUpdate, '3')).toBe(revOf(before, '3'));
      const written = (await rawStorage())[storageKeyOf('2')];
      expect(afterUpdate.revs.get(keyOf('2'))?.size).toBe(keyOf('2').length + JSON.stringify(written).length);
      expect(afterUpdate.revs.get(keyOf('2'))?.size).not.toBe(before.revs.get(keyOf('2'))?.size);

      const { revisions } = await item.updateEntries([keyOf('3')], (store) => ({
        ...store,
        [keyOf('3')]: { ...(store[keyOf('3')] as WatchedTicket), snoozedUntil: '2026-07-14T10:00:00.000Z' },
      }));
      expect(revOf(revisions, '3')).toBeGreaterThan(revOf(afterUpdate, '3') as number);
      expect(revOf(revisions, '3')).not.toBe(revOf(revisions, '2'));
      expect(revOf(revisions, '1')).toBe(revOf(before, '1'));
      expect(revOf(revisions, '2')).toBe(revOf(afterUpdate, '2'));
      // What the write answered is what this context and a new worker read.
      expect(plain(await item.revisions())).toEqual(plain(revisions));
      expect(plain(await newItem().revisions())).toEqual(plain(revisions));
      // Writing the same entry again is another revision, even with equal content.
      const again = await item.updateEntries([keyOf('3')], (store) => ({ ...store, [keyOf('3')]: { ...(store[keyOf('3')] as WatchedTicket) } }));
      expect(revOf(again.revisions, '3')).toBeGreaterThan(revOf(revisions, '3') as number);
      expect(revOf(again.revisions, '1')).toBe(revOf(before, '1'));
    });

    it('set() gives every entry a new revision; remove() removes the revisions too (the next ones start under a new epoch)', async () => {
      const item = newItem();
      await item.set(storeOf('1', '2'));
      const first = await item.revisions();
      await item.set(storeOf('1', '2'));
      const second = await item.revisions();
      expect(second.epoch).toBe(first.epoch);
      for (const id of ['1', '2']) expect(revOf(second, id)).toBeGreaterThan(revOf(first, id) as number);
      await item.remove();
      expect(await rawStorage()).toEqual({});
      const after = await item.revisions();
      expect(after.epoch).not.toBe(first.epoch);
      expect(after.revs.size).toBe(0);
      expect(await item.get()).toEqual({});
    });

    it('updateEntries with durable: false is in storage when it resolves: a new worker reads it', async () => {
      const item = newItem();
      await item.set(storeOf('1'));
      const { revisions } = await item.updateEntries([keyOf('2')], (current) => ({ ...current, [keyOf('2')]: entry('2') }), { durable: false });
      const worker = newItem();
      expect(await worker.getEntries([keyOf('2')])).toEqual({ [keyOf('2')]: entry('2') });
      expect(plain(await worker.revisions())).toEqual(plain(revisions));
    });

    it('the epoch stays across reads and workers; metadata that cannot be trusted is rebuilt once, with a new epoch, keeping every entry', async () => {
      await newItem().set(storeOf('1', '2'));
      const { epoch } = await newItem().revisions();
      await newItem().get();
      expect((await newItem().revisions()).epoch).toBe(epoch);
      const good = await storedMeta();

      const untrusted: unknown[] = [
        { v: 4, w: 'an-older-v4-build-1' }, // a v4 build before revisions wrote the last change
        { ...good, revs: 'none' },
        { ...good, seq: -1 },
        { ...good, revs: { [keyOf('1')]: [1] } },
        { ...good, epoch: '' },
        { ...good, revs: { [keyOf('1')]: [good.seq + 5, 10] } }, // a revision the store never gave
      ];
      let previous = epoch;
      for (const meta of untrusted) {
        await fakeBrowser.storage.local.set({ [META]: meta });
        const sets = vi.spyOn(fakeBrowser.storage.local, 'set');
        const item = newItem();
        const rebuilt = await item.revisions();
        expect(rebuilt.epoch).not.toBe(previous);
        expect([...rebuilt.revs.keys()].sort()).toEqual([keyOf('1'), keyOf('2')]);
        expect(Object.keys(await item.get()).sort()).toEqual([keyOf('1'), keyOf('2')]);
        expect(Object.keys(await rawStorage()).filter((key) => key.startsWith('watched:')).sort()).toEqual([storageKeyOf('1'), storageKeyOf('2')]);
        // One write: the metadata alone (no entry is rewritten for it).
        expect(sets.mock.calls.map(([items]) => Object.keys(items as object))).toEqual([[META]]);
        sets.mockRestore();
        expect(await storedMeta()).toMatchObject({ v: 4, epoch: rebuilt.epoch, seq: 1, revs: { [keyOf('1')]: [1, expect.any(Number)], [keyOf('2')]: [1, expect.any(Number)] } });
        expect((await newItem().revisions()).epoch).toBe(rebuilt.epoch);
        previous = rebuilt.epoch;
      }
    });

    it('an entry key without a revision (written by an older build) is found by the next full read, which gives it one', async () => {
      await newItem().set(storeOf('1'));
      await fakeBrowser.storage.local.set({ [storageKeyOf('2')]: entry('2') });
      const item = newItem();
      const before = await item.revisions();
      expect([...before.revs.keys()]).toEqual([keyOf('1')]);
      expect(Object.keys(await item.get()).sort()).toEqual([keyOf('1'), keyOf('2')]);
      const after = await item.revisions();
      // A page's repair is not serialised with the background's writes: it voids every plan (a new epoch).
      if (caching) expect(after.epoch).toBe(before.epoch);
      else expect(after.epoch).not.toBe(before.epoch);
      expect(revOf(after, '2')).toBeGreaterThan(revOf(before, '1') as number);
      expect(revOf(after, '1')).toBe(revOf(before, '1'));
      expect((await storedMeta()).revs[keyOf('2')]).toEqual([revOf(after, '2'), keyOf('2').length + JSON.stringify(entry('2')).length]);
    });

    it('a listed key whose entry is gone (a stop between a removal and its metadata) is tolerated, and dropped by the next write of it', async () => {
      const item0 = newItem();
      await item0.set(storeOf('1', '2'));
      await fakeBrowser.storage.local.remove(storageKeyOf('2'));
      const item = newItem();
      expect([...(await item.revisions()).revs.keys()].sort()).toEqual([keyOf('1'), keyOf('2')]);
      expect(Object.keys(await item.getEntries([keyOf('1'), keyOf('2')]))).toEqual([keyOf('1')]);
      let seen: WatchedStore | null = null;
      const { revisions } = await item.updateEntries([keyOf('1'), keyOf('2')], (store) => {
        seen = store;
        return { ...store, [keyOf('1')]: entry('1', {}, 'Changed') };
      });
      expect(Object.keys(seen ?? {})).toEqual([keyOf('1')]);
      expect([...revisions.revs.keys()]).toEqual([keyOf('1')]);
      expect(Object.keys((await storedMeta()).revs)).toEqual([keyOf('1')]);
      expect(problems).toEqual([]);
    });

    it('a full read drops every listed key whose entry is gone', async () => {
      await newItem().set(storeOf('1', '2', '3'));
      await fakeBrowser.storage.local.remove([storageKeyOf('2'), storageKeyOf('3')]);
      const { epoch } = await newItem().revisions();
      const item = newItem();
      expect(Object.keys(await item.get())).toEqual([keyOf('1')]);
      const after = await item.revisions();
      expect([...after.revs.keys()]).toEqual([keyOf('1')]);
      if (caching) expect(after.epoch).toBe(epoch);
      else expect(after.epoch).not.toBe(epoch);
      expect(Object.keys((await storedMeta()).revs)).toEqual([keyOf('1')]);
    });

    it('getEntries reads only the keys asked for; an unreadable one is refused by name (storage log, Health, removed) and the rest kept', async () => {
      await newItem().set(storeOf('1', '2', '3'));
      await fakeBrowser.storage.local.set({ [storageKeyOf('2')]: { ...entry('2'), fetchedAt: 'yesterday' } });
      const item = newItem();
      const { epoch } = await newItem().revisions();
      const gets = vi.spyOn(fakeBrowser.storage.local, 'get');
      const entries = await item.getEntries([keyOf('1'), keyOf('2'), keyOf('9')]);
      const asked = gets.mock.calls.map(([keys]) => keys);
      gets.mockRestore();
      expect(entries).toEqual({ [keyOf('1')]: entry('1') });
      expect(asked).not.toContainEqual(null);
      expect(asked.flatMap((keys) => (Array.isArray(keys) ? keys : [keys])).filter((key) => String(key).startsWith('watched:'))).toEqual([
        storageKeyOf('1'),
        storageKeyOf('2'),
        storageKeyOf('9'),
      ]);
      expect(problems.map((p) => `${p.key} ${p.reason}`).join('\n')).toMatch(/local:watchedTickets dropped ticket zendesk:2@https:\/\/acme\.zendesk\.com: .*fetchedAt/);
      expect((await healthItem.get()).refused).toEqual([expect.objectContaining({ ticket: keyOf('2'), origin: ORIGIN, reason: expect.stringMatching(/fetchedAt/) })]);
      const raw = await rawStorage();
      expect(raw[storageKeyOf('2')]).toBeUndefined();
      expect(raw[storageKeyOf('3')]).toEqual(entry('3'));
      const after = await item.revisions();
      expect([...after.revs.keys()].sort()).toEqual([keyOf('1'), keyOf('3')]);
      expect(Object.keys((await storedMeta()).revs).sort()).toEqual([keyOf('1'), keyOf('3')]);
      if (caching) expect(after.epoch).toBe(epoch);
      else expect(after.epoch).not.toBe(epoch);
      // Refused once: asking again finds nothing to report.
      expect(await item.getEntries([keyOf('2')])).toEqual({});
      expect(problems.filter((p) => p.reason.includes('zendesk:2@'))).toHaveLength(1);
    });

    it('updateEntries writes only the entries that changed, removes the ones left out (the removal before the metadata), and the whole store is the change applied', async () => {
      const item = newItem();
      await item.set(storeOf('1', '2', '3', '4'));
      const before = await item.get();
      const events: string[][] = [];
      fakeBrowser.storage.onChanged.addListener((changes) => events.push(Object.keys(changes).sort()));
      let seen: WatchedStore | null = null;
      const changed1 = entry('1', { snoozedUntil: '2026-07-14T10:00:00.000Z' });
      const { store, revisions } = await item.updateEntries([keyOf('1'), keyOf('2'), keyOf('3'), keyOf('5')], (current) => {
        seen = current;
        const { [keyOf('2')]: _forgotten, ...rest } = current;
        return { ...rest, [keyOf('1')]: changed1, [keyOf('5')]: entry('5') };
      });
      expect(Object.keys(seen ?? {}).sort()).toEqual([keyOf('1'), keyOf('2'), keyOf('3')]);
      expect(events).toEqual([[storageKeyOf('2')], [storageKeyOf('1'), storageKeyOf('5'), META].sort()]);
      expect(Object.keys(store).sort()).toEqual([keyOf('1'), keyOf('3'), keyOf('5')]);
      const expected = { ...before, [keyOf('1')]: changed1, [keyOf('5')]: entry('5') };
      delete expected[keyOf('2')];
      expect(await item.get()).toEqual(expected);
      expect(await newItem().get()).toEqual(expected);
      expect(plain(await newItem().revisions())).toEqual(plain(revisions));
      expect([...revisions.revs.keys()].sort()).toEqual([keyOf('1'), keyOf('3'), keyOf('4'), keyOf('5')]);
      // The entries handed back are the validated ones later reads hand out.
      const later = await item.getEntries([keyOf('1'), keyOf('5')]);
      if (caching) {
        expect(later[keyOf('1')]).toBe(store[keyOf('1')]);
        expect(later[keyOf('5')]).toBe(store[keyOf('5')]);
      } else expect(later).toEqual({ [keyOf('1')]: store[keyOf('1')], [keyOf('5')]: store[keyOf('5')] });
    });

    it('updateEntries refuses an invalid change, naming the entry, and writes nothing', async () => {
      const item = newItem();
      await item.set(storeOf('1'));
      const meta = await storedMeta();
      await expect(
        item.updateEntries([keyOf('1')], (current) => ({ ...current, [keyOf('1')]: { ...(current[keyOf('1')] as WatchedTicket), lastSeenAt: 'soon' } })),
      ).rejects.toThrow(/zendesk:1@https:\/\/acme\.zendesk\.com.*lastSeenAt/);
      expect(await storedMeta()).toEqual(meta);
      expect(await item.get()).toEqual(storeOf('1'));
    });

    it('updateEntries keeps a change made meanwhile by another write', async () => {
      const item = newItem();
      await item.set(storeOf('1', '2', '3'));
      // The caller looked at ticket 1 ...
      await item.getEntries([keyOf('1')]);
      // ... another write changes it (and ticket 3) before the caller's change of it runs.
      const other = newItem();
      const meanwhile = item.update((store) => ({ ...store, [keyOf('1')]: entry('1', {}, 'Meanwhile'), [keyOf('3')]: entry('3', {}, 'Three') }));
      const fromElsewhere = other.update((store) => ({ ...store, [keyOf('2')]: entry('2', {}, 'Elsewhere') }));
      await Promise.all([meanwhile, fromElsewhere]);
      await settled();
      const { store } = await item.updateEntries([keyOf('1'), keyOf('2')], (current) => ({
        ...current,
        [keyOf('1')]: { ...(current[keyOf('1')] as WatchedTicket), snoozedUntil: '2026-07-14T10:00:00.000Z' },
        [keyOf('2')]: { ...(current[keyOf('2')] as WatchedTicket), snoozedUntil: '2026-07-14T11:00:00.000Z' },
      }));
      expect(store[keyOf('1')]).toMatchObject({ ticket: { title: 'Meanwhile' }, snoozedUntil: '2026-07-14T10:00:00.000Z' });
      expect(store[keyOf('2')]).toMatchObject({ ticket: { title: 'Elsewhere' }, snoozedUntil: '2026-07-14T11:00:00.000Z' });
      const titles = (whole: WatchedStore) => Object.fromEntries(Object.entries(whole).map(([key, value]) => [key, [value.ticket.title, value.snoozedUntil]]));
      const expected = {
        [keyOf('1')]: ['Meanwhile', '2026-07-14T10:00:00.000Z'],
        [keyOf('2')]: ['Elsewhere', '2026-07-14T11:00:00.000Z'],
        [keyOf('3')]: ['Three', undefined],
      };
      expect(titles(await item.get())).toEqual(expected);
      expect(titles(await newItem().get())).toEqual(expected);
    });
  });
}

describe('a new service worker (the store kept in memory)', () => {
  beforeEach(() => setParsedItemCaching(true));

  it('revisions() reads only the metadata key, then answers from memory', async () => {
    const writer = newItem();
    await writer.set(storeOf('1', '2', '3'));
    const expected = plain(await writer.revisions());
    const worker = newItem();
    const gets = vi.spyOn(fakeBrowser.storage.local, 'get');
    expect(plain(await worker.revisions())).toEqual(expected);
    expect(plain(await worker.revisions())).toEqual(expected);
    expect(gets.mock.calls).toEqual([[[META, 'watchedTickets']]]);
  });

  it('entries read one by one are read again after another context changed them', async () => {
    await newItem().set(storeOf('1', '2'));
    const worker = newItem();
    expect((await worker.getEntries([keyOf('1')]))[keyOf('1')]?.ticket.title).toBe('Ticket 1');
    // Another context (an older page, a test) writes the entry directly.
    setParsedItemCaching(false);
    await newItem().update((store) => ({ ...store, [keyOf('1')]: entry('1', {}, 'From elsewhere') }));
    setParsedItemCaching(true);
    await settled();
    expect((await worker.getEntries([keyOf('1')]))[keyOf('1')]?.ticket.title).toBe('From elsewhere');
    const { store } = await worker.updateEntries([keyOf('1')], (current) => ({ ...current, [keyOf('1')]: { ...(current[keyOf('1')] as WatchedTicket), via: 'view' } }));
    expect(store[keyOf('1')]).toMatchObject({ via: 'view', ticket: { title: 'From elsewhere' } });
  });

  it('updateEntries under metadata an older build wrote: rebuilt by a full read, and the entries handed back are the ones kept in memory', async () => {
    await newItem().set(storeOf('1', '2'));
    await fakeBrowser.storage.local.set({ [META]: { v: 4, w: 'an-older-v4-build-7' } });
    const worker = newItem();
    const { store, revisions } = await worker.updateEntries([keyOf('1'), keyOf('2')], (current) => ({ ...current, [keyOf('1')]: entry('1', {}, 'Changed') }));
    expect([...revisions.revs.keys()].sort()).toEqual([keyOf('1'), keyOf('2')]);
    expect(revOf(revisions, '1')).toBeGreaterThan(revOf(revisions, '2') as number);
    const later = await worker.getEntries([keyOf('1'), keyOf('2')]);
    expect(later[keyOf('1')]).toBe(store[keyOf('1')]);
    expect(later[keyOf('2')]).toBe(store[keyOf('2')]);
    expect(plain(await newItem().revisions())).toEqual(plain(revisions));
  });

  it('a v3 single-key store is migrated by the first revisions(), every entry getting a revision', async () => {
    const one = entry('1');
    const two = entry('2', { acknowledged: { 'sales-rep': { at: '2026-07-14T08:10:00.000Z', by: 'ticket' } } });
    await fakeBrowser.storage.local.set({ watchedTickets: { [keyOf('1')]: one, [keyOf('2')]: two }, [META]: { v: 3 } });
    const worker = newItem();
    const revisions = await worker.revisions();
    expect(Object.fromEntries(revisions.revs)).toEqual({
      [keyOf('1')]: { rev: 1, size: keyOf('1').length + JSON.stringify(one).length },
      [keyOf('2')]: { rev: 1, size: keyOf('2').length + JSON.stringify(two).length },
    });
    const raw = await rawStorage();
    expect(raw['watchedTickets']).toBeUndefined();
    expect(raw[storageKeyOf('1')]).toEqual(one);
    expect(raw[storageKeyOf('2')]).toEqual(two);
    expect(plain(await newItem().revisions())).toEqual(plain(revisions));
    expect(problems).toEqual([]);
  });

  it('getEntries on a v3 single-key store migrates it first, losing nothing', async () => {
    await fakeBrowser.storage.local.set({ watchedTickets: { [keyOf('1')]: entry('1'), [keyOf('2')]: entry('2') }, [META]: { v: 3 } });
    const worker = newItem();
    expect(await worker.getEntries([keyOf('2')])).toEqual({ [keyOf('2')]: entry('2') });
    expect(Object.keys(await newItem().get()).sort()).toEqual([keyOf('1'), keyOf('2')]);
    expect((await rawStorage())['watchedTickets']).toBeUndefined();
  });
});

describe('entries written elsewhere (background, in memory)', () => {
  it('an entry written straight to storage by another context restarts the revisions under a new epoch, so no plan trusts the old ones', async () => {
    setParsedItemCaching(true);
    const item = newItem();
    await item.set(storeOf('1', '2'));
    const before = await item.revisions();
    // Another context (devtools, an older build) rewrites ticket 2 without touching the metadata.
    await fakeBrowser.storage.local.set({ [storageKeyOf('2')]: entry('2', {}, 'Changed elsewhere') });
    await settled();
    const after = await item.revisions();
    expect(after.epoch).not.toBe(before.epoch);
    expect([...after.revs.keys()].sort()).toEqual([keyOf('1'), keyOf('2')]);
    expect((await item.getEntries([keyOf('2')]))[keyOf('2')]?.ticket.title).toBe('Changed elsewhere');
    expect(problems.map((p) => p.reason)).toContain('entries were written elsewhere without their revisions; revisions restart under a new epoch');
    // Its own writes afterwards keep the new epoch.
    await item.updateEntries([keyOf('1')], (s) => ({ ...s, [keyOf('1')]: entry('1', {}, 'Mine') }));
    await settled();
    expect((await item.revisions()).epoch).toBe(after.epoch);
  });
});

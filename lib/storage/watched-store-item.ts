import { browser } from 'wxt/browser';
import { healthItem, recordRefused } from './health';
import { describeZodIssues, parsedItemCaching, StorageWriteError } from './parsed-item';
import { reportStorageProblem } from './storage-log';
import {
  entryStorageKey,
  isEmptyWrite,
  isEntryStorageKey,
  LEGACY_KEY,
  legacyEntries,
  META_KEY,
  type ReadEntries,
  readEntries,
  type RefusedEntry,
  type StoreWrite,
  storeWrite,
  ticketKeyOfStorageKey,
} from './watched-store-layout';
import { type WatchedStore, watchedStoreSchema } from './watched-ticket-schema';

/**
 * The watched store as one value to its callers (get / update / set, as every other item), kept in
 * storage.local as one key per ticket (watched-store-layout.ts):
 *
 * - a write stores only the tickets that changed (a new entry object) and removes the ones that
 *   went: an ingest costs one ticket's structured clone, not 2,000;
 * - every write is issued at once, in the order the changes were made (storage applies its calls
 *   in order), so a change applied in memory is never lost when the service worker stops, and a
 *   later read is never overwritten by an earlier one; `durable: false` only means the caller
 *   does not wait for storage to confirm;
 * - the background keeps the parsed store in memory (setParsedItemCaching); a change made by
 *   another context (recognised by the write id this context stamps into the metadata) drops it;
 * - the v1–v3 single-key store is migrated on first read: every entry that parses moves to its own
 *   key, each one that does not is refused with its key and the field at fault (on the Health tab
 *   and in the storage log), and the old key is removed only after the new keys are written.
 */

export const WATCHED_ITEM_KEY = 'local:watchedTickets';

export interface WatchedStoreItem {
  /** The item's name in logs and problems (its metadata is `watchedTickets$`). */
  readonly key: typeof WATCHED_ITEM_KEY;
  readonly version: number;
  get(): Promise<WatchedStore>;
  /** Validates the whole store, then makes storage hold exactly it. */
  set(value: WatchedStore): Promise<void>;
  /**
   * Read-modify-write, serialised with every other change of the store in this context; stores
   * only the entries that changed. With `durable: false` resolves once applied (in memory in the
   * background) — the write is already issued, storage confirms it later.
   */
  update(change: (current: WatchedStore) => WatchedStore, options?: { durable?: boolean }): Promise<WatchedStore>;
  remove(): Promise<void>;
  /** Calls back with the store after changes from any context (several changes together: once). */
  watch(callback: (value: WatchedStore) => void): () => void;
}

export interface WatchedStoreItemOptions {
  version: number;
  /** `legacyMigrations[n]` turns a v(n-1) single-key store into a v(n) one, up to the last single-key version. */
  legacyMigrations: Record<number, (old: unknown) => unknown>;
  /** Validates the entries of `next` that are not the very objects of `previous`; throws StorageWriteError naming them. */
  validateChanged: (next: WatchedStore, previous: WatchedStore) => WatchedStore;
}

type Changes = Record<string, { newValue?: unknown }>;

const isStoreKey = (key: string) => key === META_KEY || key === LEGACY_KEY || isEntryStorageKey(key);

function versionOf(meta: unknown): number | null {
  const v = typeof meta === 'object' && meta !== null ? (meta as { v?: unknown }).v : undefined;
  return typeof v === 'number' && Number.isInteger(v) && v >= 1 ? v : null;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

let instances = 0;

export function createWatchedStoreItem(options: WatchedStoreItemOptions): WatchedStoreItem {
  const { version } = options;
  const report = (reason: string) => reportStorageProblem(WATCHED_ITEM_KEY, reason);
  const instance = `${(++instances).toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  let writes = 0;
  let queue: Promise<unknown> = Promise.resolve();
  /** The parsed store as this context last read or wrote it, while nothing else changed it. */
  let cached: WatchedStore | null = null;
  /** Bumped whenever the copy is dropped, so a read that raced a change does not keep a stale one. */
  let generation = 0;
  /** Ids stamped into the metadata by this context's writes: their change events are its own. */
  const ownWriteIds = new Set<string>();
  /** Storage keys this context removed and has not seen the removal of yet. */
  const ownRemovals = new Set<string>();

  const drop = () => {
    cached = null;
    generation++;
  };

  const onStorageChanged = (changes: Changes, area: string) => {
    if (area !== 'local') return;
    const keys = Object.keys(changes).filter(isStoreKey);
    if (keys.length === 0) return;
    const meta = changes[META_KEY]?.newValue as { w?: unknown } | undefined;
    if (typeof meta?.w === 'string' && ownWriteIds.delete(meta.w)) return;
    // Removals this context made (a ticket forgotten, the old key after its migration) change nothing here.
    const own = keys.every((key) => changes[key]?.newValue == null && ownRemovals.has(key));
    for (const key of keys) ownRemovals.delete(key);
    if (!own) drop();
  };

  /** Whether the in-memory copy may be used; listening for changes from elsewhere first. */
  const cacheable = (): boolean => {
    if (!parsedItemCaching()) return false;
    if (!browser.storage.onChanged.hasListener(onStorageChanged)) {
      browser.storage.onChanged.addListener(onStorageChanged);
      drop();
    }
    return true;
  };

  function serialised<R>(task: () => Promise<R>): Promise<R> {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  }

  function metaValue(): { v: number; w?: string } {
    if (!cacheable()) return { v: version };
    const w = `${instance}-${(++writes).toString(36)}`;
    ownWriteIds.add(w);
    return { v: version, w };
  }

  /**
   * Issues the write now (sets and removals in one go each, in call order); resolves when storage
   * confirms. A failed write drops the in-memory copy, so the next read is storage's truth.
   */
  function persist(write: StoreWrite, withMeta = false): Promise<void> {
    if (isEmptyWrite(write) && !withMeta) return Promise.resolve();
    const area = browser.storage.local;
    const calls: Array<Promise<void>> = [];
    if (Object.keys(write.set).length > 0 || withMeta) {
      for (const key of Object.keys(write.set)) ownRemovals.delete(key);
      calls.push(area.set({ ...write.set, [META_KEY]: metaValue() }));
    }
    if (write.remove.length > 0) calls.push(removeKeys(write.remove));
    return Promise.all(calls).then(
      () => undefined,
      (error: unknown) => {
        drop();
        throw error;
      },
    );
  }

  function removeKeys(keys: readonly string[]): Promise<void> {
    for (const key of keys) ownRemovals.add(key);
    return browser.storage.local.remove([...keys]);
  }

  async function recordRefusals(refused: readonly RefusedEntry[]): Promise<void> {
    if (refused.length === 0) return;
    for (const entry of refused) report(`dropped ticket ${entry.key}: ${entry.reason}`);
    const now = new Date();
    await healthItem
      .update((health) => refused.reduce((next, r) => recordRefused(next, { ticket: r.key, origin: r.origin, reason: r.reason }, now), health))
      .catch((error: unknown) => report(`refused tickets not recorded in health: ${messageOf(error)}`));
  }

  /** The v1–v3 single-key store, migrated to v3 and split into one key per ticket (v4). */
  async function migrate(all: Record<string, unknown>, from: number): Promise<WatchedStore> {
    let raw = all[LEGACY_KEY];
    for (let n = from + 1; n < version; n++) {
      const step = options.legacyMigrations[n];
      if (!step) continue;
      try {
        raw = step(raw);
      } catch (error) {
        report(`migration to v${n} failed (${messageOf(error)}); each entry is read as it is`);
      }
    }
    const entries = legacyEntries(raw);
    if (entries === null) report(`v${from} store is not a ticket map; no ticket could be kept`);
    const read = readEntries(entries ?? []);
    for (const { from: wrong, to } of read.moved) report(`ticket stored under ${wrong} moved to ${to}`);
    // Entry keys of another store (a newer layout written over by an older build): storage holds exactly the migrated store.
    const stale = Object.keys(all).filter((key) => isEntryStorageKey(key) && !Object.hasOwn(read.store, ticketKeyOfStorageKey(key)));
    const write = storeWrite(read.store, {});
    // New keys and the version first, in one call; the old key goes only once they are stored.
    await persist({ set: write.set, remove: [] }, true);
    await removeKeys([LEGACY_KEY, ...stale]);
    await recordRefusals(read.refused);
    return read.store;
  }

  /** Reads every ticket key; refuses (and removes) entries that do not parse, moves misplaced ones. */
  async function load(): Promise<WatchedStore> {
    const all = (await browser.storage.local.get(null)) as Record<string, unknown>;
    const stored = versionOf(all[META_KEY]);
    const legacy = all[LEGACY_KEY] != null;
    if (legacy && (stored ?? 1) < version) return migrate(all, stored ?? 1);
    if (stored !== null && stored > version) report(`stored by a newer version (v${stored}); read as v${version}`);

    const raw = Object.keys(all)
      .filter(isEntryStorageKey)
      .map((key): [string, unknown] => [ticketKeyOfStorageKey(key), all[key]]);
    const read: ReadEntries = readEntries(raw);
    const fix: StoreWrite = { set: {}, remove: read.refused.map((r) => entryStorageKey(r.key)) };
    for (const { from, to } of read.moved) {
      report(`ticket stored under ${from} moved to ${to}`);
      fix.remove.push(entryStorageKey(from));
      fix.set[entryStorageKey(to)] = read.store[to] as WatchedStore[string];
    }
    if (legacy) {
      // The old key beside the new ones (a migration stopped before removing it): what only it holds is kept.
      const leftover = readEntries(legacyEntries(all[LEGACY_KEY]) ?? []);
      for (const [key, entry] of Object.entries(leftover.store)) {
        if (Object.hasOwn(read.store, key)) continue;
        read.store[key] = entry;
        fix.set[entryStorageKey(key)] = entry;
      }
      read.refused.push(...leftover.refused);
    }
    const needsMeta = stored !== version;
    if (!isEmptyWrite(fix) || needsMeta) {
      await persist({ set: fix.set, remove: fix.remove.filter((key) => !Object.hasOwn(fix.set, key)) }, needsMeta).catch((error: unknown) =>
        report(`could not write the repaired store back: ${messageOf(error)}`),
      );
    }
    if (legacy) await removeKeys([LEGACY_KEY]).catch((error: unknown) => report(`old store key not removed: ${messageOf(error)}`));
    await recordRefusals(read.refused);
    return read.store;
  }

  async function read(): Promise<WatchedStore> {
    if (cacheable() && cached !== null) return cached;
    const startedAt = generation;
    const value = await load();
    if (cacheable() && generation === startedAt) cached = value;
    return value;
  }

  /** Makes `validated` the store: in memory at once, in storage by a write issued now. */
  function apply(validated: WatchedStore, current: WatchedStore, withMeta = false): Promise<void> {
    const write = storeWrite(validated, current);
    if (cacheable()) cached = validated;
    return persist(write, withMeta);
  }

  return {
    key: WATCHED_ITEM_KEY,
    version,
    get: () => serialised(read),
    async set(value) {
      const { written } = await serialised(async () => {
        const checked = watchedStoreSchema.safeParse(value);
        if (!checked.success) throw new StorageWriteError(`${WATCHED_ITEM_KEY}: ${describeZodIssues(checked.error)}`);
        const current = await read();
        return { written: apply(checked.data, current, true) };
      });
      await written;
    },
    async update(change, updateOptions) {
      const { next, written } = await serialised(async () => {
        const current = await read();
        const changed = change(current);
        // The very same store back means "no change": nothing to write.
        if (changed === current) return { next: changed, written: Promise.resolve() };
        // The store as validated and kept: the same entry objects later reads hand out.
        const validated = options.validateChanged(changed, current);
        return { next: validated, written: apply(validated, current) };
      });
      if (updateOptions?.durable === false) written.catch((error: unknown) => report(`write failed: ${messageOf(error)}`));
      else await written;
      return next;
    },
    remove: () =>
      serialised(async () => {
        const all = (await browser.storage.local.get(null)) as Record<string, unknown>;
        drop();
        await removeKeys(Object.keys(all).filter(isStoreKey));
      }),
    watch(callback) {
      let scheduled = false;
      const listener = (changes: Changes, area: string) => {
        if (area !== 'local' || !Object.keys(changes).some(isStoreKey) || scheduled) return;
        scheduled = true;
        setTimeout(() => {
          scheduled = false;
          serialised(read).then(callback, (error: unknown) => report(`watch read failed: ${messageOf(error)}`));
        }, 0);
      };
      browser.storage.onChanged.addListener(listener);
      return () => browser.storage.onChanged.removeListener(listener);
    },
  };
}

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
import {
  freshMeta,
  nextMeta,
  parseStoredMeta,
  revisionsOf,
  type StoreMeta,
  type StoreRevisions,
  storedMeta,
  underNewEpoch,
} from './watched-store-revisions';
import { type WatchedStore, watchedStoreSchema, type WatchedTicket } from './watched-ticket-schema';

export type { StoreRevisions, EntryRevision } from './watched-store-revisions';

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
 * - the metadata records each entry's revision and size (watched-store-revisions.ts), set in the
 *   same call as the entries it describes; removals are issued first, then the metadata without
 *   them; `revisions()` reads only the metadata, `getEntries` / `updateEntries` only the entries
 *   asked for, so a new service worker need not read and parse all 2,000 (issue 11);
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
  /**
   * The epoch and every entry's revision and size, without reading the entries (the metadata key
   * only; from memory when the store is kept there). Falls back to a full read when the metadata
   * cannot be trusted (older version, v1–v3 key present, no revisions): that read migrates or
   * rebuilds it (a new epoch).
   */
  revisions(): Promise<StoreRevisions>;
  /**
   * These entries only (absent ones left out), parsed with the same checks as a full read; an
   * unreadable one is refused exactly like a full read does (removed, reported to the storage log
   * and health).
   */
  getEntries(keys: Iterable<string>): Promise<WatchedStore>;
  /**
   * Read-modify-write of these entries only, serialised with every other change: `change` gets the
   * partial store (those present among keys); a key it leaves out is removed; a key it adds is
   * written. Returns the entries after (validated objects, the same ones later reads hand out) and
   * the revisions after.
   */
  updateEntries(
    keys: Iterable<string>,
    change: (current: WatchedStore) => WatchedStore,
    options?: { durable?: boolean },
  ): Promise<{ store: WatchedStore; revisions: StoreRevisions }>;
}

export interface WatchedStoreItemOptions {
  version: number;
  /** `legacyMigrations[n]` turns a v(n-1) single-key store into a v(n) one, up to the last single-key version. */
  legacyMigrations: Record<number, (old: unknown) => unknown>;
  /** Validates the entries of `next` that are not the very objects of `previous`; throws StorageWriteError naming them. */
  validateChanged: (next: WatchedStore, previous: WatchedStore) => WatchedStore;
}

type Changes = Record<string, { newValue?: unknown }>;

/** The whole store with its metadata, as a full read gives it. */
interface FullStore {
  store: WatchedStore;
  meta: StoreMeta;
}

const isStoreKey = (key: string) => key === META_KEY || key === LEGACY_KEY || isEntryStorageKey(key);

function versionOf(meta: unknown): number | null {
  const v = typeof meta === 'object' && meta !== null ? (meta as { v?: unknown }).v : undefined;
  return typeof v === 'number' && Number.isInteger(v) && v >= 1 ? v : null;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The entries of `store` among `keys`. */
function pick(store: WatchedStore, keys: readonly string[]): WatchedStore {
  const out: WatchedStore = {};
  for (const key of keys) if (Object.hasOwn(store, key)) out[key] = store[key] as WatchedTicket;
  return out;
}

/** The tickets a write sets (with their entries) and removes. */
function writtenTickets(write: StoreWrite): { set: Array<[string, WatchedTicket]>; removed: string[] } {
  return {
    set: Object.entries(write.set).map(([storageKey, entry]): [string, WatchedTicket] => [ticketKeyOfStorageKey(storageKey), entry]),
    removed: write.remove.filter(isEntryStorageKey).map(ticketKeyOfStorageKey),
  };
}

let instances = 0;

export function createWatchedStoreItem(options: WatchedStoreItemOptions): WatchedStoreItem {
  const { version } = options;
  const report = (reason: string) => reportStorageProblem(WATCHED_ITEM_KEY, reason);
  const instance = `${(++instances).toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  let writes = 0;
  let queue: Promise<unknown> = Promise.resolve();
  /** The parsed store as this context last read or wrote it, while nothing else changed it. */
  let cached: WatchedStore | null = null;
  /** The metadata as this context last read or wrote it (always set while `cached` is). */
  let meta: StoreMeta | null = null;
  /** Entries read one by one (null: absent) while the whole store is not in memory. */
  const lazy = new Map<string, WatchedTicket | null>();
  /** Bumped whenever the copy is dropped, so a read that raced a change does not keep a stale one. */
  let generation = 0;
  /** Ids stamped into the metadata by this context's writes: their change events are its own. */
  const ownWriteIds = new Set<string>();
  /** Storage keys this context removed and has not seen the removal of yet. */
  const ownRemovals = new Set<string>();
  /**
   * Another context wrote entries (devtools, an older build, a test): the stored revisions may not
   * say so, so the next read is a full one under a new epoch (every plan made before is void).
   */
  let foreignEntryWrite = false;

  const drop = () => {
    cached = null;
    meta = null;
    lazy.clear();
    generation++;
  };

  const onStorageChanged = (changes: Changes, area: string) => {
    if (area !== 'local') return;
    const keys = Object.keys(changes).filter(isStoreKey);
    if (keys.length === 0) return;
    const changedMeta = changes[META_KEY]?.newValue as { w?: unknown } | undefined;
    if (typeof changedMeta?.w === 'string' && ownWriteIds.delete(changedMeta.w)) return;
    // Removals this context made (a ticket forgotten, the old key after its migration) change nothing here.
    const own = keys.every((key) => changes[key]?.newValue == null && ownRemovals.has(key));
    for (const key of keys) ownRemovals.delete(key);
    if (own) return;
    // Entries changed without this context's revisions: their stored revisions cannot be trusted.
    if (changes[META_KEY] === undefined && keys.some((key) => key !== META_KEY && changes[key]?.newValue != null)) foreignEntryWrite = true;
    drop();
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

  function writeId(): string | undefined {
    if (!cacheable()) return undefined;
    const w = `${instance}-${(++writes).toString(36)}`;
    ownWriteIds.add(w);
    return w;
  }

  /**
   * Issues the write now: the removals first, then the entries set together with `next` (the
   * metadata describing storage after both) in one call; resolves when storage confirms. A failed
   * write drops the in-memory copy, so the next read is storage's truth.
   */
  function persist(write: StoreWrite, next: StoreMeta): Promise<void> {
    const calls: Array<Promise<void>> = [];
    if (write.remove.length > 0) calls.push(removeKeys(write.remove));
    for (const key of Object.keys(write.set)) ownRemovals.delete(key);
    calls.push(browser.storage.local.set({ ...write.set, [META_KEY]: storedMeta(next, version, writeId()) }));
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

  /** The v1–v3 single-key store, migrated to v3 and split into one key per ticket (v4) with new revisions. */
  async function migrate(all: Record<string, unknown>, from: number): Promise<FullStore> {
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
    const next = nextMeta(freshMeta(), Object.entries(read.store), []);
    // New keys and the metadata first, in one call; the old key goes only once they are stored.
    await persist({ set: write.set, remove: [] }, next);
    await removeKeys([LEGACY_KEY, ...stale]);
    await recordRefusals(read.refused);
    return { store: read.store, meta: next };
  }

  /**
   * Reads every ticket key; refuses (and removes) entries that do not parse, moves misplaced ones;
   * gives a revision to every entry without one (a new epoch when the metadata cannot be trusted)
   * and forgets the revisions of entries that are gone.
   */
  async function load(): Promise<FullStore> {
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
      fix.set[entryStorageKey(to)] = read.store[to] as WatchedTicket;
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
    fix.remove = fix.remove.filter((key) => !Object.hasOwn(fix.set, key));

    const distrusted = foreignEntryWrite;
    foreignEntryWrite = false;
    const trusted = distrusted ? null : parseStoredMeta(all[META_KEY], version);
    if (distrusted) report('entries were written elsewhere without their revisions; revisions restart under a new epoch');
    const base = trusted ?? freshMeta();
    // Entries written now, and entries without a revision (an older build wrote them, or the revisions restart).
    const revised = Object.keys(read.store)
      .filter((key) => Object.hasOwn(fix.set, entryStorageKey(key)) || !base.revs.has(key))
      .map((key): [string, WatchedTicket] => [key, read.store[key] as WatchedTicket]);
    // Revisions of entries no longer there (a write stopped between its removal and its metadata).
    const gone = [...base.revs.keys()].filter((key) => !Object.hasOwn(read.store, key));
    let current = base;
    if (trusted === null || !isEmptyWrite(fix) || revised.length > 0 || gone.length > 0) {
      // A page's repair is not serialised with the background's writes: a new epoch (underNewEpoch).
      current = nextMeta(cacheable() ? base : underNewEpoch(base), revised, gone);
      await persist(fix, current).catch((error: unknown) => report(`could not write the repaired store back: ${messageOf(error)}`));
    }
    if (legacy) await removeKeys([LEGACY_KEY]).catch((error: unknown) => report(`old store key not removed: ${messageOf(error)}`));
    await recordRefusals(read.refused);
    return { store: read.store, meta: current };
  }

  async function readFull(): Promise<FullStore> {
    if (cacheable() && cached !== null && meta !== null) return { store: cached, meta };
    const startedAt = generation;
    const value = await load();
    if (cacheable() && generation === startedAt) {
      cached = value.store;
      meta = value.meta;
      lazy.clear();
    }
    return value;
  }

  const read = async (): Promise<WatchedStore> => (await readFull()).store;

  /** The metadata: from memory, else the metadata key alone, else (not to be trusted) a full read. */
  async function currentMeta(): Promise<StoreMeta> {
    if (cacheable() && foreignEntryWrite) return (await readFull()).meta;
    if (cacheable() && meta !== null) return meta;
    const startedAt = generation;
    const raw = (await browser.storage.local.get([META_KEY, LEGACY_KEY])) as Record<string, unknown>;
    const trusted = raw[LEGACY_KEY] == null ? parseStoredMeta(raw[META_KEY], version) : null;
    if (trusted === null) return (await readFull()).meta;
    if (cacheable() && generation === startedAt) meta = trusted;
    return trusted;
  }

  /** Removes entries a partial read could not parse, then their revisions; reported as a full read does. */
  async function refuse(refused: readonly RefusedEntry[]): Promise<void> {
    const startedAt = generation;
    const keys = refused.map((r) => r.key);
    await removeKeys(keys.map(entryStorageKey)).catch((error: unknown) => report(`unreadable entries not removed: ${messageOf(error)}`));
    if (cacheable() && generation === startedAt) for (const key of keys) lazy.set(key, null);
    const base = await currentMeta();
    const listed = keys.filter((key) => base.revs.has(key));
    if (listed.length > 0) {
      const next = nextMeta(cacheable() ? base : underNewEpoch(base), [], listed);
      if (cacheable() && meta === base) meta = next;
      await persist({ set: {}, remove: [] }, next).catch((error: unknown) => report(`revisions not updated: ${messageOf(error)}`));
    }
    await recordRefusals(refused);
  }

  /** The entries among `keys`: from memory when there, else those keys alone from storage. */
  async function entriesOf(keys: readonly string[]): Promise<WatchedStore> {
    if (cacheable() && cached !== null) return pick(cached, keys);
    const caching = cacheable();
    const missing = caching ? keys.filter((key) => !lazy.has(key)) : keys;
    const found: WatchedStore = {};
    if (missing.length > 0) {
      const startedAt = generation;
      const raw = (await browser.storage.local.get([LEGACY_KEY, ...missing.map(entryStorageKey)])) as Record<string, unknown>;
      // The v1–v3 key: only a full read can migrate it.
      if (raw[LEGACY_KEY] != null) return pick(await read(), keys);
      const present = missing
        .filter((key) => raw[entryStorageKey(key)] != null)
        .map((key): [string, unknown] => [key, raw[entryStorageKey(key)]]);
      const parsed = readEntries(present);
      // An entry under another ticket's key: only a full read can move it (it may meet the entry stored there).
      if (parsed.moved.length > 0) return pick(await read(), keys);
      if (caching && generation === startedAt) for (const key of missing) lazy.set(key, Object.hasOwn(parsed.store, key) ? (parsed.store[key] as WatchedTicket) : null);
      Object.assign(found, parsed.store);
      if (parsed.refused.length > 0) await refuse(parsed.refused);
    }
    const out: WatchedStore = {};
    for (const key of keys) {
      const entry = Object.hasOwn(found, key) ? found[key] : caching ? lazy.get(key) : undefined;
      if (entry) out[key] = entry;
    }
    return out;
  }

  /** Makes `validated` the store: in memory at once, in storage by a write issued now. */
  function apply(validated: WatchedStore, current: FullStore, always = false): Promise<void> {
    const write = storeWrite(validated, current.store);
    if (isEmptyWrite(write) && !always) {
      if (cacheable()) {
        cached = validated;
        meta = current.meta;
      }
      return Promise.resolve();
    }
    const tickets = writtenTickets(write);
    const next = nextMeta(current.meta, tickets.set, tickets.removed);
    if (cacheable()) {
      cached = validated;
      meta = next;
      lazy.clear();
    }
    return persist(write, next);
  }

  /** Applies a change of some entries: to the whole store in memory when it is there, to the entries read one by one otherwise. */
  function applyEntries(
    validated: WatchedStore,
    current: WatchedStore,
    base: StoreMeta,
    ghosts: readonly string[],
  ): { written: Promise<void>; meta: StoreMeta } {
    const write = storeWrite(validated, current);
    if (isEmptyWrite(write) && ghosts.length === 0) return { written: Promise.resolve(), meta: base };
    const tickets = writtenTickets(write);
    const next = nextMeta(base, tickets.set, [...tickets.removed, ...ghosts]);
    if (cacheable()) {
      if (cached !== null) {
        const whole = { ...cached };
        for (const key of tickets.removed) delete whole[key];
        for (const [key, entry] of tickets.set) whole[key] = entry;
        cached = whole;
      } else {
        for (const key of tickets.removed) lazy.set(key, null);
        for (const [key, entry] of tickets.set) lazy.set(key, entry);
      }
      meta = next;
    }
    return { written: persist(write, next), meta: next };
  }

  async function settle<R>(result: Promise<{ value: R; written: Promise<void> }>, durable: boolean | undefined): Promise<R> {
    const { value, written } = await result;
    if (durable === false) written.catch((error: unknown) => report(`write failed: ${messageOf(error)}`));
    else await written;
    return value;
  }

  return {
    key: WATCHED_ITEM_KEY,
    version,
    get: () => serialised(read),
    async set(value) {
      await settle(
        serialised(async () => {
          const checked = watchedStoreSchema.safeParse(value);
          if (!checked.success) throw new StorageWriteError(`${WATCHED_ITEM_KEY}: ${describeZodIssues(checked.error)}`);
          const current = await readFull();
          return { value: undefined, written: apply(checked.data, current, true) };
        }),
        true,
      );
    },
    update: (change, updateOptions) =>
      settle(
        serialised(async () => {
          const current = await readFull();
          const changed = change(current.store);
          // The very same store back means "no change": nothing to write.
          if (changed === current.store) return { value: changed, written: Promise.resolve() };
          // The store as validated and kept: the same entry objects later reads hand out.
          const validated = options.validateChanged(changed, current.store);
          return { value: validated, written: apply(validated, current) };
        }),
        updateOptions?.durable,
      ),
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
    revisions: () => serialised(async () => revisionsOf(await currentMeta())),
    getEntries: (keys) => serialised(() => entriesOf([...new Set(keys)])),
    updateEntries: (keys, change, updateOptions) =>
      settle(
        serialised(async () => {
          const wanted = [...new Set(keys)];
          const partial = await entriesOf(wanted);
          const base = await currentMeta();
          // When the metadata needed a full read, the whole store is in memory now: its entries are the ones kept.
          const current = cacheable() && cached !== null ? pick(cached, wanted) : partial;
          const changed = change(current);
          if (changed === current) return { value: { store: current, revisions: revisionsOf(base) }, written: Promise.resolve() };
          const validated = options.validateChanged(changed, current);
          // Listed without an entry (a write stopped between its removal and its metadata): gone, so unlisted now.
          const ghosts = wanted.filter((key) => !Object.hasOwn(current, key) && !Object.hasOwn(validated, key) && base.revs.has(key));
          const { written, meta: after } = applyEntries(validated, current, base, ghosts);
          return { value: { store: validated, revisions: revisionsOf(after) }, written };
        }),
        updateOptions?.durable,
      ),
  };
}

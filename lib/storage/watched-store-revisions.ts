import type { WatchedTicket } from './watched-ticket-schema';
import { entryJsonSize } from './watched-store';

/**
 * Per-entry revisions of the watched store (issue 11): the store's metadata (`watchedTickets$`)
 * records, for every ticket, the revision of its entry and its size, so that a new service worker
 * can tell which entries changed since it last looked without reading them (a plan made under the
 * same epoch stays valid for every ticket whose revision is unchanged).
 *
 * Stored as `{ v: 4, w?, epoch, seq, revs }` in the same `storage.local.set` call as the entries it
 * describes, `revs` being the JSON text of `{ [ticketKey]: [rev, size] }`: Chrome hands a stored
 * object to a worker value by value (2,000 keys of arrays took 75–100 ms in a new worker), a string
 * in one piece (JSON.parse then takes ~1 ms). An object `revs` (the first builds with revisions) is read too. v4 builds without revisions write `{ v: 4, w }`
 * only: such metadata has no epoch and is rebuilt (a new epoch) by the next full read.
 *
 * Pure: parsing, building and the next metadata after a write. watched-store-item.ts does the I/O.
 */

export interface EntryRevision {
  /** Changes on every write of the entry (the store's `seq` at that write). */
  rev: number;
  /** `key.length + JSON.stringify(entry).length`: the figure pruneStore uses. */
  size: number;
}

export interface StoreRevisions {
  /** Changes whenever revisions restart (the metadata was rebuilt): a plan made under another epoch is void. */
  epoch: string;
  /** ticket key -> its entry's revision (changes on EVERY write of that entry) and its size: key.length + JSON.stringify(entry).length (the same figure pruneStore uses). */
  revs: ReadonlyMap<string, EntryRevision>;
}

/** The metadata as kept in memory; never changed in place (a write makes a new one). */
export interface StoreMeta extends StoreRevisions {
  /** The revision the last write gave; the next write gives seq + 1. */
  seq: number;
}

export interface StoredMeta {
  v: number;
  w?: string;
  epoch: string;
  seq: number;
  /** JSON text of `{ [ticketKey]: [rev, size] }`. */
  revs: string;
}

/** `revs` as stored: JSON text (or, from the first builds with revisions, the object itself); null when unreadable. */
function revsObject(revs: unknown): unknown {
  if (typeof revs !== 'string') return revs;
  try {
    return JSON.parse(revs) as unknown;
  } catch {
    return null;
  }
}

const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

function randomEpoch(): string {
  const c = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  if (typeof c?.randomUUID === 'function') return c.randomUUID();
  return `${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`;
}

/** Metadata starting over: a new random epoch, no revision given yet. */
export function freshMeta(): StoreMeta {
  return { epoch: randomEpoch(), seq: 0, revs: new Map() };
}

/**
 * The revisions in a stored metadata value of `version`, or null when they cannot be trusted (absent,
 * another version, a malformed field): the caller rebuilds them from a full read.
 */
export function parseStoredMeta(raw: unknown, version: number): StoreMeta | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null;
  const { v, epoch, seq, revs: storedRevs } = raw as Partial<Record<keyof StoredMeta, unknown>>;
  const revs = revsObject(storedRevs);
  if (v !== version || typeof epoch !== 'string' || epoch.length === 0 || !isCount(seq)) return null;
  if (typeof revs !== 'object' || revs === null || Array.isArray(revs)) return null;
  const map = new Map<string, EntryRevision>();
  for (const [key, value] of Object.entries(revs)) {
    if (!Array.isArray(value) || value.length !== 2) return null;
    const [rev, size] = value as unknown[];
    if (!isCount(rev) || rev > seq || !isCount(size)) return null;
    map.set(key, { rev, size });
  }
  return { epoch, seq, revs: map };
}

/**
 * The same revisions under a new epoch: what a context that does not keep the store (a page) writes
 * when its read repairs the store. Its read and its write are not serialised with the background's
 * writes, so a revision the background gave meanwhile may be lost; a new epoch voids every plan
 * instead (the background reads the whole store once more), never a plan trusting a lost revision.
 */
export const underNewEpoch = (meta: StoreMeta): StoreMeta => ({ ...meta, epoch: randomEpoch() });

/** The value stored under the metadata key. */
export function storedMeta(meta: StoreMeta, version: number, writeId?: string): StoredMeta {
  // Ticket keys (`system:id@origin`) are never `__proto__` (one read from a corrupt metadata would only be dropped here).
  const revs: Record<string, [number, number]> = {};
  for (const [key, { rev, size }] of meta.revs) revs[key] = [rev, size];
  return { v: version, ...(writeId === undefined ? {} : { w: writeId }), epoch: meta.epoch, seq: meta.seq, revs: JSON.stringify(revs) };
}

export const entryRevisionSize = (ticketKey: string, entry: WatchedTicket): number => ticketKey.length + entryJsonSize(entry);

/** The metadata after a write that stores `written` (each gets the new seq as its revision) and removes `removed`. */
export function nextMeta(base: StoreMeta, written: Iterable<[string, WatchedTicket]>, removed: Iterable<string>): StoreMeta {
  const seq = base.seq + 1;
  const revs = new Map(base.revs);
  for (const key of removed) revs.delete(key);
  for (const [key, entry] of written) revs.set(key, { rev: seq, size: entryRevisionSize(key, entry) });
  return { epoch: base.epoch, seq, revs };
}

/** What callers see: the epoch and the revisions (the metadata is never changed in place, so no copy). */
export const revisionsOf = (meta: StoreMeta): StoreRevisions => ({ epoch: meta.epoch, revs: meta.revs });

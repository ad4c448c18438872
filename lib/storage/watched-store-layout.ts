import { describeZodIssues } from './parsed-item';
import { type WatchedStore, type WatchedTicket, watchedEntryKey, watchedTicketSchema } from './watched-ticket-schema';

/**
 * Where the watched store lives in storage.local (v4): one key per ticket, so that a write costs
 * that ticket, not the store (issue 11 item 7: one 1.7 MB key cost a structured clone of the whole
 * store, ~250 ms, on every write).
 *
 * - `watched:${system}:${id}@${origin}` — one watched ticket (a WatchedTicket);
 * - `watchedTickets$` — the store's metadata: `{ v: 4 }` (plus the id of the background's last write);
 * - `watchedTickets` — the v1–v3 store, one map of every ticket; only a migration reads it.
 *
 * Pure: which keys to write and remove, and how old values are read. watched-tickets.ts does the I/O.
 */

export const ENTRY_PREFIX = 'watched:';
export const META_KEY = 'watchedTickets$';
export const LEGACY_KEY = 'watchedTickets';

export const entryStorageKey = (ticketKey: string): string => `${ENTRY_PREFIX}${ticketKey}`;
export const isEntryStorageKey = (storageKey: string): boolean => storageKey.startsWith(ENTRY_PREFIX);
export const ticketKeyOfStorageKey = (storageKey: string): string => storageKey.slice(ENTRY_PREFIX.length);

/** A stored entry that could not be read, with why; `origin` when the entry still names one. */
export interface RefusedEntry {
  key: string;
  origin: string | null;
  reason: string;
}

export interface ReadEntries {
  store: WatchedStore;
  refused: RefusedEntry[];
  /** Entries stored under another key than their own: moved (the old key is removed). */
  moved: Array<{ from: string; to: string }>;
}

function originOf(raw: unknown): string | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const origin = (raw as { origin?: unknown }).origin;
  return typeof origin === 'string' ? origin : null;
}

/**
 * Every entry that parses, under its own key; each one that does not is refused with its key and
 * the field at fault (the others are kept). Two entries meeting under one key: the later-seen wins.
 */
export function readEntries(raw: Iterable<[string, unknown]>): ReadEntries {
  const store: WatchedStore = {};
  const refused: RefusedEntry[] = [];
  const moved: ReadEntries['moved'] = [];
  const seenAt = (entry: WatchedTicket) => Date.parse(entry.lastSeenAt);
  for (const [key, value] of raw) {
    const parsed = watchedTicketSchema.safeParse(value);
    if (!parsed.success) {
      refused.push({ key, origin: originOf(value), reason: `unreadable, refused: ${describeZodIssues(parsed.error)}` });
      continue;
    }
    const rightKey = watchedEntryKey(parsed.data);
    if (rightKey !== key) moved.push({ from: key, to: rightKey });
    const existing = Object.hasOwn(store, rightKey) ? store[rightKey] : undefined;
    if (existing && seenAt(existing) > seenAt(parsed.data)) continue;
    store[rightKey] = parsed.data;
  }
  return { store, refused, moved };
}

/** The v1–v3 store's entries, or null when the value is not a ticket map at all. */
export function legacyEntries(value: unknown): Array<[string, unknown]> | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  return Object.entries(value);
}

export interface StoreWrite {
  /** storage.local keys → entries to set. */
  set: Record<string, WatchedTicket>;
  /** storage.local keys to remove. */
  remove: string[];
}

/**
 * What storage must do to go from `previous` to `next`: the entries that are new or another object
 * (stored entries are never changed in place), and the tickets no longer there. Nothing for the rest.
 */
export function storeWrite(next: WatchedStore, previous: WatchedStore): StoreWrite {
  const set: Record<string, WatchedTicket> = {};
  const remove: string[] = [];
  for (const key of Object.keys(next)) {
    const entry = next[key] as WatchedTicket;
    if (!Object.hasOwn(previous, key) || previous[key] !== entry) set[entryStorageKey(key)] = entry;
  }
  for (const key of Object.keys(previous)) if (!Object.hasOwn(next, key)) remove.push(entryStorageKey(key));
  return { set, remove };
}

export const isEmptyWrite = (write: StoreWrite): boolean => write.remove.length === 0 && Object.keys(write.set).length === 0;

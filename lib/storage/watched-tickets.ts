import { describeZodIssues, StorageWriteError } from './parsed-item';
import { migrateWatchedStoreV1 } from './watched-tickets-v1';
import { type WatchedStore, watchedEntryKey, watchedTicketSchema } from './watched-ticket-schema';
import { createWatchedStoreItem } from './watched-store-item';

/**
 * Every ticket a content script reported, keyed `${system}:${id}@${origin}` (v3; v2 was
 * `${system}:${id}`, so one site's ticket could replace another's), each in a storage key of its
 * own since v4 (watched-store-layout.ts). Only the background writes it (its writes are
 * serialised there); other parts read it.
 */
export const WATCHED_TICKETS_VERSION = 4;

/**
 * v2 → v3: each entry moves to the key of its stored origin. Nothing is dropped here: an entry
 * without a readable origin keeps its key, and the v3 read then repairs or drops it with a reason.
 * Two v2 entries cannot meet under one v3 key (v2 keys were already unique per system and id).
 */
function rekeyShown(shown: Record<string, string>, oldKey: string, newKey: string): Record<string, string> {
  const prefix = `${oldKey}|`;
  return Object.fromEntries(
    Object.entries(shown).map(([id, at]) => [id.startsWith(prefix) ? `${newKey}|${id.slice(prefix.length)}` : id, at]),
  );
}

export function migrateWatchedStoreV2(store: unknown): unknown {
  if (typeof store !== 'object' || store === null || Array.isArray(store)) return store;
  const next: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(store)) {
    const parsed = watchedTicketSchema.safeParse(entry);
    const newKey = parsed.success ? watchedEntryKey(parsed.data) : key;
    // Notification keys start with the ticket key: rewrite them, or everything shown would show again.
    const moved = parsed.success && newKey !== key ? { ...parsed.data, shown: rekeyShown(parsed.data.shown, key, newKey) } : entry;
    Object.defineProperty(next, newKey, { value: moved, enumerable: true, writable: true, configurable: true });
  }
  return next;
}

/** Keeps every entry that parses; each one dropped is reported with its key and the field at fault. */
export function repairWatchedStore(raw: unknown, report: (reason: string) => void): WatchedStore {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    report('not a ticket map; all entries dropped');
    return {};
  }
  const store: WatchedStore = {};
  for (const [key, entry] of Object.entries(raw)) {
    const parsed = watchedTicketSchema.safeParse(entry);
    if (!parsed.success) {
      report(`dropped ticket ${key}: ${describeZodIssues(parsed.error)}`);
      continue;
    }
    const rightKey = watchedEntryKey(parsed.data);
    if (rightKey !== key) report(`ticket stored under ${key} moved to ${rightKey}`);
    store[rightKey] = parsed.data;
  }
  return store;
}

/** v1 → v2 → v3 of the single-key store; v3 → v4 splits it into one key per ticket (watched-store-item.ts). */
export const legacyMigrations: Record<number, (old: unknown) => unknown> = { 2: migrateWatchedStoreV1, 3: migrateWatchedStoreV2 };

export const watchedTicketsItem = createWatchedStoreItem({
  version: WATCHED_TICKETS_VERSION,
  legacyMigrations,
  validateChanged: validateChangedEntries,
});

/**
 * A write checks the entries that changed since the store was read (a new object), not all
 * 2,000: an entry the background did not touch is the very object that was parsed then.
 */
export function validateChangedEntries(next: WatchedStore, previous: WatchedStore): WatchedStore {
  const out: WatchedStore = {};
  const problems: string[] = [];
  for (const [key, entry] of Object.entries(next)) {
    if (Object.hasOwn(previous, key) && previous[key] === entry) {
      out[key] = entry;
      continue;
    }
    const parsed = watchedTicketSchema.safeParse(entry);
    if (!parsed.success) {
      problems.push(describeZodIssues(parsed.error, key));
      continue;
    }
    if (watchedEntryKey(parsed.data) !== key) {
      problems.push(`${key}: key does not match ticket ${watchedEntryKey(parsed.data)}`);
      continue;
    }
    out[key] = parsed.data;
  }
  if (problems.length > 0) throw new StorageWriteError(`local:watchedTickets: ${problems.join('; ')}`);
  return out;
}

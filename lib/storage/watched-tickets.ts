import { defineParsedItem, describeZodIssues } from './parsed-item';
import { migrateWatchedStoreV1 } from './watched-tickets-v1';
import { type WatchedStore, watchedStoreSchema, watchedTicketKey, watchedTicketSchema } from './watched-ticket-schema';

/**
 * Every ticket a content script reported, keyed `${system}:${id}`.
 * Only the background writes it (its writes are serialised there); other parts read it.
 */
export const WATCHED_TICKETS_VERSION = 2;

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
    const rightKey = watchedTicketKey(parsed.data.ticket);
    if (rightKey !== key) report(`ticket stored under ${key} moved to ${rightKey}`);
    store[rightKey] = parsed.data;
  }
  return store;
}

export const watchedTicketsItem = defineParsedItem<WatchedStore>({
  key: 'local:watchedTickets',
  version: WATCHED_TICKETS_VERSION,
  migrations: { 2: migrateWatchedStoreV1 },
  schema: watchedStoreSchema,
  fallback: () => ({}),
  repair: repairWatchedStore,
});

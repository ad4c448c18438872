import { z } from 'zod';

/**
 * The v1 shape of the watched-ticket store (0.0.x builds): acknowledgements were a bare list of
 * role ids, a snooze an epoch-milliseconds number, shown notifications a list of keys, and the
 * origin was not stored. Only the migration to v2 reads it.
 */
export const watchedTicketV1Schema = z.object({
  ticket: z.object({ url: z.string() }).passthrough(),
  source: z.enum(['api', 'dom']),
  fetchedAt: z.string(),
  acknowledged: z.array(z.string()),
  snoozedUntil: z.number().optional(),
  notified: z.array(z.string()),
  firstSeenAt: z.string(),
});

export type WatchedTicketV1 = z.infer<typeof watchedTicketV1Schema>;

/**
 * One v1 entry → v2. An entry that is not a readable v1 entry is passed through unchanged, so
 * that the v2 parse drops it with a reason naming the field instead of the migration failing
 * (which would lose every other ticket too).
 */
export function migrateWatchedTicketV1(entry: unknown): unknown {
  const v1 = watchedTicketV1Schema.safeParse(entry);
  if (!v1.success) return entry;
  const { ticket, source, fetchedAt, acknowledged, snoozedUntil, notified, firstSeenAt } = v1.data;
  let origin: string | undefined;
  try {
    origin = new URL(ticket.url).origin;
  } catch {
    origin = undefined;
  }
  return {
    ticket,
    source,
    origin,
    fetchedAt,
    lastRefreshAttemptAt: null,
    acknowledged: Object.fromEntries(acknowledged.map((role) => [role, { at: fetchedAt, by: 'local' }])),
    ...(snoozedUntil !== undefined && Number.isFinite(snoozedUntil)
      ? { snoozedUntil: new Date(snoozedUntil).toISOString() }
      : {}),
    shown: Object.fromEntries(notified.map((key) => [key, fetchedAt])),
    firstSeenAt,
    lastSeenAt: fetchedAt,
  };
}

export function migrateWatchedStoreV1(store: unknown): unknown {
  if (typeof store !== 'object' || store === null || Array.isArray(store)) return store;
  return Object.fromEntries(Object.entries(store).map(([key, entry]) => [key, migrateWatchedTicketV1(entry)]));
}

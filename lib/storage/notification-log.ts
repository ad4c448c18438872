import { z } from 'zod';
import { defineParsedItem } from './parsed-item';

/**
 * The notifications the background raised, newest last, as the engineer saw them (title and
 * message) and when. It survives service-worker restarts, so "what did it tell me, and when?"
 * has an answer after the fact — for the engineer (diagnostics) and for the browser tests, which
 * read it from storage instead of instrumenting the service worker.
 */

export const NOTIFICATION_LOG_CAP = 200;

const raisedNotificationSchema = z.object({
  /** The background's "(ticket, event)" key: the same id twice would be a duplicate. */
  id: z.string().min(1),
  title: z.string(),
  message: z.string(),
  /** When the browser accepted it (the background's clock). */
  at: z.iso.datetime({ offset: true }),
});

export type RaisedNotification = z.infer<typeof raisedNotificationSchema>;

const notificationLogSchema = z.array(raisedNotificationSchema);

/** The log with `raised` appended, keeping the newest `cap` entries. */
export function appendRaised(log: readonly RaisedNotification[], raised: readonly RaisedNotification[], cap = NOTIFICATION_LOG_CAP): RaisedNotification[] {
  const all = [...log, ...raised];
  return all.length > cap ? all.slice(all.length - cap) : all;
}

export const notificationLogItem = defineParsedItem<RaisedNotification[]>({
  key: 'local:notificationLog',
  version: 1,
  schema: notificationLogSchema,
  fallback: () => [],
  // Keep every entry that still reads; a bad one is dropped with a logged reason.
  repair: (raw, report) => {
    if (!Array.isArray(raw)) {
      report('not a list: dropped');
      return [];
    }
    return raw.flatMap((entry, index) => {
      const parsed = raisedNotificationSchema.safeParse(entry);
      if (parsed.success) return [parsed.data];
      report(`entry ${index} dropped: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
      return [];
    });
  },
});

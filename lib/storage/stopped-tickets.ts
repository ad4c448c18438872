import { z } from 'zod';
import { defineParsedItem } from './parsed-item';

/**
 * Tickets the engineer stopped watching ("Stop watching" in the popup), by store key
 * (`zendesk:35436@https://acme.zendesk.com`), with when. A ticket here is not watched again
 * because a view shows it; opening it in a tab, or "Undo" / "Watch again", takes it off the list.
 * Kept locally (keys of one browser's store), versioned, at most MAX_STOPPED_TICKETS (the oldest
 * go first), every read parsed: an entry that does not parse is dropped by name, the rest kept.
 */

export const MAX_STOPPED_TICKETS = 2000;
const storeKey = z.string().regex(/^(zendesk|jira):[^@\s]{1,100}@https?:\/\/[^\s/]+$/, 'expected a store key, e.g. zendesk:35436@https://acme.zendesk.com');
const stoppedSchema = z.object({ at: z.iso.datetime({ offset: true }) });

export const stoppedTicketsSchema = z.record(storeKey, stoppedSchema);
export type StoppedTickets = z.infer<typeof stoppedTicketsSchema>;

export const stoppedTicketsItem = defineParsedItem<StoppedTickets>({
  key: 'local:stoppedTickets',
  version: 1,
  schema: stoppedTicketsSchema,
  fallback: () => ({}),
  repair: (raw, report) => {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return {};
    const kept: StoppedTickets = {};
    for (const [key, value] of Object.entries(raw)) {
      if (stoppedTicketsSchema.safeParse({ [key]: value }).success) kept[key] = value as { at: string };
      else report(`stoppedTickets.${key}: dropped, not a store key and an instant`);
    }
    return kept;
  },
});

/** Stops watching `key` (again: the newest instant); the oldest beyond the cap are let go. */
export function stopWatching(stopped: StoppedTickets, key: string, now: Date): StoppedTickets {
  const next = { ...stopped, [key]: { at: now.toISOString() } };
  const keys = Object.keys(next);
  if (keys.length <= MAX_STOPPED_TICKETS) return next;
  const newestFirst = keys.sort((a, b) => Date.parse(next[b]?.at ?? '') - Date.parse(next[a]?.at ?? ''));
  return Object.fromEntries(newestFirst.slice(0, MAX_STOPPED_TICKETS).map((k) => [k, next[k] as { at: string }]));
}

/** Watches `key` again (opened in a tab, or undone); the same value back when it was not stopped. */
export function watchAgain(stopped: StoppedTickets, key: string): StoppedTickets {
  if (!Object.hasOwn(stopped, key)) return stopped;
  const { [key]: _again, ...rest } = stopped;
  return rest;
}

export const isStopped = (stopped: StoppedTickets, key: string): boolean => Object.hasOwn(stopped, key);

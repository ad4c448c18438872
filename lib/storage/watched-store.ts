import type { TicketJson } from '../engine/ticket-schema';
import { storedTicketSchema, type WatchedStore, type WatchedTicket, watchedTicketKey } from './watched-ticket-schema';

/**
 * Pure operations on the watched-ticket store. Each returns a new store; the background applies
 * them inside `watchedTicketsItem.update`, so concurrent changes are serialised.
 */

export interface SeenTicket {
  ticket: TicketJson;
  source: 'api' | 'dom';
  origin: string;
  fetchedAt: Date;
  organization?: string;
  assignee?: string;
  /** The helpdesk's version of this read (updated_at), when known. */
  version?: string;
  /** 'view': read with its history for a list row; an entry opened as a ticket stays 'ticket'. */
  via?: 'ticket' | 'view';
}

/**
 * A page read (source 'dom') has no history, so it never replaces data read from the API: the
 * engine would take its current values as held all along and restart clocks wrongly.
 * Older data never replaces newer data.
 */
function takesNewTicket(existing: WatchedTicket, seen: SeenTicket): boolean {
  if (seen.source === 'dom' && existing.source === 'api') return false;
  // A read of an older version of the ticket (a slow list read) never replaces a newer one.
  if (seen.version !== undefined && existing.version !== undefined && Date.parse(seen.version) < Date.parse(existing.version)) return false;
  return seen.fetchedAt.getTime() >= Date.parse(existing.fetchedAt);
}

export function recordSeenTicket(store: WatchedStore, seen: SeenTicket, now: Date): WatchedStore {
  const ticket = storedTicketSchema.parse(seen.ticket);
  const key = watchedTicketKey(ticket);
  const existing = store[key];
  const nowIso = now.toISOString();
  const solved = ticket.status === 'solved';
  if (existing && !takesNewTicket(existing, seen)) {
    return { ...store, [key]: { ...existing, lastSeenAt: nowIso, ...(seen.via === 'view' ? {} : { via: 'ticket' as const }) } };
  }
  const entry: WatchedTicket = {
    acknowledged: {},
    shown: {},
    firstSeenAt: nowIso,
    lastRefreshAttemptAt: null,
    ...existing,
    ticket,
    source: seen.source,
    origin: seen.origin,
    fetchedAt: seen.fetchedAt.toISOString(),
    lastSeenAt: nowIso,
    // Opening a ticket makes it 'ticket' for good; a view read never downgrades that.
    via: seen.via === 'view' && (!existing || existing.via === 'view') ? 'view' : 'ticket',
  };
  // The mapper's reading (issue 13) wins; a page's own hint is kept for DOM reads.
  const organization = ticket.organization ?? seen.organization;
  const assignee = ticket.assignee ?? seen.assignee;
  if (organization) entry.organization = organization;
  else if (ticket.organization === null) delete entry.organization;
  if (assignee) entry.assignee = assignee;
  else if (ticket.assignee === null) delete entry.assignee;
  if (seen.version !== undefined) entry.version = seen.version;
  else delete entry.version; // a read without a version: its history's age is unknown
  delete entry.refreshError;
  if (solved) entry.solvedAt = existing?.solvedAt ?? nowIso;
  else delete entry.solvedAt;
  return { ...store, [key]: entry };
}

/** A background refresh that failed: the ticket keeps its data (and shows its age). */
export function recordRefreshFailure(
  store: WatchedStore,
  key: string,
  error: { kind: string; message: string },
  now: Date,
): WatchedStore {
  const entry = store[key];
  if (!entry) return store;
  const at = now.toISOString();
  return { ...store, [key]: { ...entry, lastRefreshAttemptAt: at, refreshError: { ...error, at } } };
}

export function recordRefreshAttempt(store: WatchedStore, key: string, now: Date): WatchedStore {
  const entry = store[key];
  if (!entry) return store;
  return { ...store, [key]: { ...entry, lastRefreshAttemptAt: now.toISOString() } };
}

export function acknowledgeRole(
  store: WatchedStore,
  key: string,
  role: string,
  by: 'local' | 'ticket',
  now: Date,
): WatchedStore {
  const entry = store[key];
  if (!entry) return store;
  const previous = Object.hasOwn(entry.acknowledged, role) ? entry.acknowledged[role] : undefined;
  // A record on the ticket is the stronger fact; a later local click does not downgrade it.
  const acknowledgement = previous?.by === 'ticket' ? previous : { at: now.toISOString(), by };
  return { ...store, [key]: { ...entry, acknowledged: { ...entry.acknowledged, [role]: acknowledgement } } };
}

export function snoozeTicket(store: WatchedStore, key: string, until: Date): WatchedStore {
  const entry = store[key];
  if (!entry) return store;
  return { ...store, [key]: { ...entry, snoozedUntil: until.toISOString() } };
}

/** Most recent shown keys kept per ticket; older ones can no longer come due. */
export const SHOWN_KEYS_PER_TICKET = 200;

export function markShown(store: WatchedStore, keysByTicket: ReadonlyMap<string, readonly string[]>, now: Date): WatchedStore {
  const next = { ...store };
  const at = now.toISOString();
  for (const [ticketKey, keys] of keysByTicket) {
    const entry = next[ticketKey];
    if (!entry || keys.length === 0) continue;
    const shown = { ...entry.shown };
    for (const key of keys) shown[key] ??= at;
    const kept = Object.entries(shown)
      .sort(([, a], [, b]) => Date.parse(b) - Date.parse(a))
      .slice(0, SHOWN_KEYS_PER_TICKET);
    next[ticketKey] = { ...entry, shown: Object.fromEntries(kept) };
  }
  return next;
}

export function forgetTicket(store: WatchedStore, key: string): WatchedStore {
  const { [key]: _forgotten, ...rest } = store;
  return rest;
}

export interface StoreLimits {
  /** Solved tickets are forgotten this long after they were first seen solved. */
  forgetSolvedAfterMs: number;
  maxTickets: number;
  /** Rough bound on the store's JSON size, well inside storage.local's quota. */
  maxChars: number;
}

export const defaultStoreLimits: StoreLimits = {
  forgetSolvedAfterMs: 7 * 24 * 60 * 60 * 1000,
  maxTickets: 2000,
  maxChars: 4_000_000,
};

/** Drop order when the store is over its limits: solved first (oldest solved first), then least recently seen. */
function dropOrder(a: [string, WatchedTicket], b: [string, WatchedTicket]): number {
  const aSolved = a[1].solvedAt !== undefined;
  const bSolved = b[1].solvedAt !== undefined;
  if (aSolved !== bSolved) return aSolved ? -1 : 1;
  if (aSolved && bSolved) return Date.parse(a[1].solvedAt ?? '') - Date.parse(b[1].solvedAt ?? '');
  return Date.parse(a[1].lastSeenAt) - Date.parse(b[1].lastSeenAt);
}

export interface PruneResult {
  store: WatchedStore;
  forgotten: string[];
}

export function pruneStore(store: WatchedStore, now: Date, limits: StoreLimits = defaultStoreLimits): PruneResult {
  const forgotten: string[] = [];
  const entries = Object.entries(store).filter(([key, entry]) => {
    const expired =
      entry.solvedAt !== undefined && now.getTime() - Date.parse(entry.solvedAt) >= limits.forgetSolvedAfterMs;
    if (expired) forgotten.push(key);
    return !expired;
  });
  entries.sort(dropOrder);
  let chars = entries.reduce((sum, [key, entry]) => sum + key.length + JSON.stringify(entry).length, 0);
  while (entries.length > 0 && (entries.length > limits.maxTickets || chars > limits.maxChars)) {
    const [key, entry] = entries.shift() as [string, WatchedTicket];
    chars -= key.length + JSON.stringify(entry).length;
    forgotten.push(key);
  }
  return { store: Object.fromEntries(entries), forgotten };
}

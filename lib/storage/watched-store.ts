import type { TicketJson } from '../engine/ticket-schema';
import { entryAt, storedTicketSchema, ticketKeyAt, type WatchedStore, type WatchedTicket } from './watched-ticket-schema';

/**
 * Pure operations on the watched-ticket store. Each returns a new store; the background applies
 * them inside `watchedTicketsItem.update`, so concurrent changes are serialised.
 */

export interface SeenTicket {
  ticket: TicketJson;
  source: 'api' | 'dom';
  /** The helpdesk origin the ticket was read on (the sender's, never the page's word). */
  origin: string;
  /** When the background received the read, by the background's own clock (never a page's). */
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
function takesNewTicket(existing: WatchedTicket, seen: SeenTicket, now: Date): boolean {
  if (seen.source === 'dom' && existing.source === 'api') return false;
  // A read of an older version of the ticket (a slow list read) never replaces a newer one.
  if (seen.version !== undefined && existing.version !== undefined && Date.parse(seen.version) < Date.parse(existing.version)) return false;
  const existingAt = Date.parse(existing.fetchedAt);
  // A stamp from the future (a page clock running ahead, before v3) is not trusted: it never freezes the entry.
  if (existingAt > now.getTime()) return true;
  return seen.fetchedAt.getTime() >= existingAt;
}

/**
 * Most recent history events kept per ticket. A ticket's history holds its severity and status
 * changes, replies and notes; real tickets stay far below this, and a page cannot grow the store
 * without bound. Older events beyond it are dropped (the ticket says so in its gaps).
 */
export const MAX_HISTORY_EVENTS = 1000;
export const HISTORY_CUT_GAP = 'history cut to its latest 1000 events';

export function capHistory(ticket: TicketJson): TicketJson {
  if (ticket.history.length <= MAX_HISTORY_EVENTS) return ticket;
  const history = [...ticket.history]
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at))
    .slice(-MAX_HISTORY_EVENTS);
  const gaps = [...(ticket.gaps ?? []).filter((gap) => gap !== HISTORY_CUT_GAP), HISTORY_CUT_GAP];
  return { ...ticket, history, gaps };
}

/**
 * A page read's creation time can be only the earliest message on screen (conversations load
 * lazily) or not known at all (`unread` createdAt). The creation time already known for the
 * ticket never moves later because of a page read, and a known one replaces an unknown one
 * (issue 13).
 */
export function keepEarliestCreation(ticket: TicketJson, existing: Pick<TicketJson, 'createdAt' | 'unread'> | undefined): TicketJson {
  if (existing === undefined) return ticket;
  const existingKnown = !existing.unread?.includes('createdAt');
  const incomingKnown = !ticket.unread?.includes('createdAt');
  if (incomingKnown && !existingKnown) return ticket;
  const earlier = Date.parse(existing.createdAt) < Date.parse(ticket.createdAt);
  if (!earlier && incomingKnown === existingKnown) return ticket;
  if (!existingKnown) return earlier ? { ...ticket, createdAt: existing.createdAt } : ticket;
  // The known creation time stands: the page's reading (unknown, or later) gives way to it.
  const unread = (ticket.unread ?? []).filter((field) => field !== 'createdAt');
  const { unread: _dropped, ...rest } = ticket;
  return { ...rest, createdAt: existing.createdAt, ...(unread.length > 0 ? { unread } : {}) };
}

export function recordSeenTicket(store: WatchedStore, seen: SeenTicket, now: Date): WatchedStore {
  const ticket = capHistory(storedTicketSchema.parse(seen.ticket));
  const key = ticketKeyAt(seen.origin, ticket);
  const existing = entryAt(store, key);
  const nowIso = now.toISOString();
  const solved = ticket.status === 'solved';
  if (existing && !takesNewTicket(existing, seen, now)) {
    return { ...store, [key]: { ...existing, lastSeenAt: nowIso, ...(seen.via === 'view' ? {} : { via: 'ticket' as const }) } };
  }
  const entry: WatchedTicket = {
    acknowledged: {},
    shown: {},
    firstSeenAt: nowIso,
    lastRefreshAttemptAt: null,
    ...existing,
    ticket: seen.source === 'dom' ? keepEarliestCreation(ticket, existing?.ticket) : ticket,
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
  const entry = entryAt(store, key);
  if (!entry) return store;
  const at = now.toISOString();
  return { ...store, [key]: { ...entry, lastRefreshAttemptAt: at, refreshError: { ...error, at } } };
}

export function recordRefreshAttempt(store: WatchedStore, key: string, now: Date): WatchedStore {
  const entry = entryAt(store, key);
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
  const entry = entryAt(store, key);
  if (!entry) return store;
  const previous = Object.hasOwn(entry.acknowledged, role) ? entry.acknowledged[role] : undefined;
  // A record on the ticket is the stronger fact; a later local click does not downgrade it.
  const acknowledgement = previous?.by === 'ticket' ? previous : { at: now.toISOString(), by };
  return { ...store, [key]: { ...entry, acknowledged: { ...entry.acknowledged, [role]: acknowledgement } } };
}

export function snoozeTicket(store: WatchedStore, key: string, until: Date): WatchedStore {
  const entry = entryAt(store, key);
  if (!entry) return store;
  return { ...store, [key]: { ...entry, snoozedUntil: until.toISOString() } };
}

/** Most recent shown keys kept per ticket; older ones can no longer come due. */
export const SHOWN_KEYS_PER_TICKET = 200;

/** Records what was shown; the very same store when nothing new was (so nothing is written). */
export function markShown(store: WatchedStore, keysByTicket: ReadonlyMap<string, readonly string[]>, now: Date): WatchedStore {
  const next = { ...store };
  const at = now.toISOString();
  let changed = false;
  for (const [ticketKey, keys] of keysByTicket) {
    const entry = entryAt(next, ticketKey);
    if (!entry || keys.length === 0 || keys.every((key) => Object.hasOwn(entry.shown, key))) continue;
    changed = true;
    const shown = { ...entry.shown };
    for (const key of keys) shown[key] ??= at;
    const kept = Object.entries(shown)
      .sort(([, a], [, b]) => Date.parse(b) - Date.parse(a))
      .slice(0, SHOWN_KEYS_PER_TICKET);
    next[ticketKey] = { ...entry, shown: Object.fromEntries(kept) };
  }
  return changed ? next : store;
}

/** Every ticket watched only because a view showed it ('view'); tickets opened in a tab stay. */
export function forgetViewTickets(store: WatchedStore): { store: WatchedStore; forgotten: string[] } {
  const forgotten = Object.keys(store).filter((key) => store[key]?.via === 'view');
  return { store: Object.fromEntries(Object.entries(store).filter(([, entry]) => entry.via !== 'view')), forgotten };
}

export function forgetTicket(store: WatchedStore, key: string): WatchedStore {
  const { [key]: _forgotten, ...rest } = store;
  return rest;
}

/** The store without these tickets; the very same store when there are none to forget. */
export function forgetTickets(store: WatchedStore, keys: ReadonlySet<string>): WatchedStore {
  return keys.size === 0 ? store : Object.fromEntries(Object.entries(store).filter(([key]) => !keys.has(key)));
}

export interface StoreLimits {
  /** Solved tickets are forgotten this long after they were first seen solved. */
  forgetSolvedAfterMs: number;
  maxTickets: number;
  /** Rough bound on the store's JSON size, well inside storage.local's quota. */
  maxChars: number;
  /** An entry larger than this (JSON characters) is dropped first, before any other. */
  maxEntryChars: number;
}

export const defaultStoreLimits: StoreLimits = {
  forgetSolvedAfterMs: 7 * 24 * 60 * 60 * 1000,
  maxTickets: 2000,
  maxChars: 4_000_000,
  maxEntryChars: 200_000,
};

/** What the drop order needs of one watched ticket: whether and when it was solved, when last seen, its size. */
export interface DropCandidate {
  key: string;
  solvedAtMs: number | null;
  lastSeenAtMs: number;
  /** `key.length + JSON.stringify(entry).length`, as the store's revisions record it. */
  size: number;
}

/** Drop order when the store is over its limits: solved first (oldest solved first), then least recently seen; ties by key. */
function dropOrder(a: DropCandidate, b: DropCandidate): number {
  const aSolved = a.solvedAtMs !== null;
  const bSolved = b.solvedAtMs !== null;
  if (aSolved !== bSolved) return aSolved ? -1 : 1;
  const byTime = aSolved && bSolved ? (a.solvedAtMs as number) - (b.solvedAtMs as number) : a.lastSeenAtMs - b.lastSeenAtMs;
  return byTime !== 0 ? byTime : a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/**
 * The tickets to drop so the store fits its limits (count and characters), in drop order; none
 * when it fits. A wake over a few tickets calls it with what its plan knows of the others.
 */
export function overLimitVictims(candidates: readonly DropCandidate[], limits: Pick<StoreLimits, 'maxTickets' | 'maxChars'>): string[] {
  let count = candidates.length;
  let chars = candidates.reduce((sum, candidate) => sum + candidate.size, 0);
  if (count <= limits.maxTickets && chars <= limits.maxChars) return [];
  const victims: string[] = [];
  for (const candidate of [...candidates].sort(dropOrder)) {
    if (count <= limits.maxTickets && chars <= limits.maxChars) break;
    victims.push(candidate.key);
    count--;
    chars -= candidate.size;
  }
  return victims;
}

export const dropCandidateOf = (key: string, entry: WatchedTicket, size: number): DropCandidate => ({
  key,
  solvedAtMs: entry.solvedAt !== undefined ? Date.parse(entry.solvedAt) : null,
  lastSeenAtMs: Date.parse(entry.lastSeenAt),
  size,
});

export interface PruneResult {
  store: WatchedStore;
  forgotten: string[];
}

/** JSON size of an entry, measured once per entry object (stored entries are never changed in place). */
const entrySizes = new WeakMap<WatchedTicket, number>();
export function entryJsonSize(entry: WatchedTicket): number {
  let size = entrySizes.get(entry);
  if (size === undefined) {
    size = JSON.stringify(entry).length;
    entrySizes.set(entry, size);
  }
  return size;
}

/** The very same store when nothing is dropped or capped (so nothing is written). */
export function pruneStore(store: WatchedStore, now: Date, limits: StoreLimits = defaultStoreLimits): PruneResult {
  const forgotten: string[] = [];
  const entries: Array<[string, WatchedTicket, number]> = [];
  let capped = false;
  for (const [key, stored] of Object.entries(store)) {
    const expired =
      stored.solvedAt !== undefined && now.getTime() - Date.parse(stored.solvedAt) >= limits.forgetSolvedAfterMs;
    const entry = stored.ticket.history.length > MAX_HISTORY_EVENTS ? { ...stored, ticket: capHistory(stored.ticket) } : stored;
    if (entry !== stored) capped = true;
    const size = key.length + entryJsonSize(entry);
    // One oversized entry goes first and alone: it must never cost the other tickets their place.
    if (expired || size > limits.maxEntryChars) forgotten.push(key);
    else entries.push([key, entry, size]);
  }
  // The drop order is only needed when something must go (a wake over 2,000 tickets need not sort them).
  const victims = new Set(overLimitVictims(entries.map(([key, entry, size]) => dropCandidateOf(key, entry, size)), limits));
  forgotten.push(...victims);
  if (victims.size > 0) entries.splice(0, entries.length, ...entries.filter(([key]) => !victims.has(key)));
  if (forgotten.length === 0 && !capped) return { store, forgotten };
  return { store: Object.fromEntries(entries.map(([key, entry]) => [key, entry])), forgotten };
}

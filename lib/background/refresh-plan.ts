import type { HelpdeskSystem } from '../engine/types';
import type { BackgroundState } from '../storage/background-state';
import type { WatchedStore } from '../storage/watched-ticket-schema';

/**
 * Which watched tickets to refresh from the helpdesk API on this wake, and when the next
 * refresh is due. Modest on purpose: each open ticket at most every `perTicketMs`, a few per
 * wake, never on an origin that is backing off (429 Retry-After, repeated failures). Pure.
 */

export interface RefreshLimits {
  perTicketMs: number;
  perWake: number;
}

export const defaultRefreshLimits: RefreshLimits = { perTicketMs: 10 * 60_000, perWake: 3 };

type Backoff = BackgroundState['refreshBackoff'];

/**
 * What the refresh plan needs of one watched ticket that may be refreshed (open, on a system with
 * a fetcher): a wake keeps these in its plan (wake-plan.ts), so choosing what to refresh never
 * reads the 2,000 entries themselves.
 */
export interface RefreshCandidate {
  key: string;
  origin: string;
  /** When it was last read or a refresh of it was last tried (epoch ms). */
  touchedAt: number;
}

/** When an entry was last read or a refresh of it was last tried (epoch ms). */
export function lastTouchedMs(entry: WatchedStore[string]): number {
  const fetched = Date.parse(entry.fetchedAt);
  const attempted = entry.lastRefreshAttemptAt ? Date.parse(entry.lastRefreshAttemptAt) : Number.NEGATIVE_INFINITY;
  return Math.max(fetched, attempted);
}

function backoffUntilMs(backoff: Backoff, origin: string): number {
  const until = backoff[origin]?.until;
  return until ? Date.parse(until) : Number.NEGATIVE_INFINITY;
}

/** Whether the background refreshes this entry at all: open, and its system has a fetcher. */
export function refreshable(entry: WatchedStore[string], systems: ReadonlySet<HelpdeskSystem>): boolean {
  return entry.ticket.status !== 'solved' && systems.has(entry.ticket.system);
}

export function refreshCandidatesOf(store: WatchedStore, systems: ReadonlySet<HelpdeskSystem>): RefreshCandidate[] {
  return Object.entries(store)
    .filter(([, entry]) => refreshable(entry, systems))
    .map(([key, entry]) => ({ key, origin: entry.origin, touchedAt: lastTouchedMs(entry) }));
}

/** When each candidate may next be refreshed. */
function readyAtMs(candidate: RefreshCandidate, backoff: Backoff, limits: RefreshLimits): number {
  return Math.max(candidate.touchedAt + limits.perTicketMs, backoffUntilMs(backoff, candidate.origin));
}

/** The candidates to refresh now: the longest untouched first, a few per wake. */
export function candidatesToRefresh(
  candidates: readonly RefreshCandidate[],
  backoff: Backoff,
  now: Date,
  limits: RefreshLimits = defaultRefreshLimits,
): string[] {
  return candidates
    .filter((candidate) => readyAtMs(candidate, backoff, limits) <= now.getTime())
    .sort((a, b) => a.touchedAt - b.touchedAt)
    .slice(0, limits.perWake)
    .map(({ key }) => key);
}

/** When the next refresh is due (never before the next millisecond), or null when nothing is refreshed. */
export function nextRefreshOf(candidates: Iterable<RefreshCandidate>, backoff: Backoff, now: Date, limits: RefreshLimits = defaultRefreshLimits): Date | null {
  let earliest = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) earliest = Math.min(earliest, Math.max(readyAtMs(candidate, backoff, limits), now.getTime() + 1));
  return Number.isFinite(earliest) ? new Date(earliest) : null;
}

export function ticketsToRefresh(
  store: WatchedStore,
  backoff: Backoff,
  now: Date,
  systems: ReadonlySet<HelpdeskSystem>,
  limits: RefreshLimits = defaultRefreshLimits,
): string[] {
  return candidatesToRefresh(refreshCandidatesOf(store, systems), backoff, now, limits);
}

export function nextRefreshAt(
  store: WatchedStore,
  backoff: Backoff,
  now: Date,
  systems: ReadonlySet<HelpdeskSystem>,
  limits: RefreshLimits = defaultRefreshLimits,
): Date | null {
  return nextRefreshOf(refreshCandidatesOf(store, systems), backoff, now, limits);
}

const MINUTE = 60_000;

/** After a failure on an origin: Retry-After when given, else 2, 4, 8 … minutes up to an hour. */
export function backoffAfterFailure(
  backoff: Backoff,
  origin: string,
  now: Date,
  failure: { kind: string; retryAfterMs?: number },
): Backoff {
  const failures = (backoff[origin]?.failures ?? 0) + 1;
  const waitMs =
    failure.kind === 'rateLimited' && failure.retryAfterMs !== undefined
      ? Math.max(failure.retryAfterMs, MINUTE)
      : failure.kind === 'unauthorized' || failure.kind === 'forbidden'
        ? 30 * MINUTE
        : Math.min(60 * MINUTE, 2 ** failures * MINUTE);
  return { ...backoff, [origin]: { until: new Date(now.getTime() + waitMs).toISOString(), failures } };
}

export function clearBackoff(backoff: Backoff, origin: string): Backoff {
  if (!(origin in backoff)) return backoff;
  const { [origin]: _cleared, ...rest } = backoff;
  return rest;
}

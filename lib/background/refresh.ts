import { ticketToJson } from '../engine/ticket-schema';
import type { HelpdeskSystem } from '../engine/types';
import { HelpdeskError, type HelpdeskIo } from '../helpdesks/contract';
import { siteBaseOf } from '../helpdesks/jira/url';
import { healthItem, recordOriginError } from '../storage/health';
import { backgroundStateItem } from '../storage/background-state';
import { fieldMappingsItem } from '../storage/settings';
import { recordRefreshAttempt, recordRefreshFailure, recordSeenTicket } from '../storage/watched-store';
import type { WatchedTicket } from '../storage/watched-ticket-schema';
import { watchedTicketsItem } from '../storage/watched-tickets';
import type { BackgroundDeps } from './deps';
import { tellTicketChanged } from './ticket-changed';
import { backoffAfterFailure, candidatesToRefresh, clearBackoff, defaultRefreshLimits, type RefreshCandidate, refreshCandidatesOf } from './refresh-plan';
import { originOfKey, systemOfKey } from './wake-plan';
import type { WakePlanKeeper } from './wake-plan-keeper';

/**
 * Background refresh of watched open tickets from the helpdesk API, so deadlines stay right when
 * someone changes a ticket elsewhere. A ticket that cannot be refreshed keeps its data (the popup
 * shows its age and the error); an origin that answers 429 or fails is left alone for a while.
 */

export interface RefreshOutcome {
  refreshed: string[];
  failed: Array<{ key: string; kind: string }>;
}

/** The background never sleeps inside a request: a wait becomes a back-off until a later wake. */
class DeferredRetry extends HelpdeskError {
  constructor(ms: number) {
    super('rateLimited', `retry deferred by ${Math.round(ms / 1000)} s to a later wake`, undefined, ms);
  }
}

/**
 * The tickets the background may refresh, with when each was last read or tried: from the wake
 * plan for every ticket whose entry has not changed since it was planned, from the entries
 * themselves for the others (all of them when there is no plan yet).
 */
async function refreshCandidates(deps: BackgroundDeps, keeper: WakePlanKeeper | undefined, systems: ReadonlySet<HelpdeskSystem>): Promise<RefreshCandidate[]> {
  const [revisions, plan] = await Promise.all([watchedTicketsItem.revisions(), keeper?.plan(deps)]);
  const usable = plan !== undefined && plan.context !== null && plan.epoch === revisions.epoch;
  const candidates: RefreshCandidate[] = [];
  const unplanned: string[] = [];
  for (const [key, { rev }] of revisions.revs) {
    const item = usable ? plan.items.get(key) : undefined;
    if (item === undefined || item.rev !== rev) unplanned.push(key);
    else if (item.touchedAt !== null && systems.has(systemOfKey(key) as HelpdeskSystem)) {
      candidates.push({ key, origin: originOfKey(key), touchedAt: item.touchedAt });
    }
  }
  if (unplanned.length > 0) candidates.push(...refreshCandidatesOf(await watchedTicketsItem.getEntries(unplanned), systems));
  return candidates;
}

export async function refreshWatchedTickets(deps: BackgroundDeps, keeper?: WakePlanKeeper): Promise<RefreshOutcome> {
  const { ports } = deps;
  const now = ports.now();
  const outcome: RefreshOutcome = { refreshed: [], failed: [] };
  const systems = new Set(Object.keys(deps.fetchers) as HelpdeskSystem[]);
  if (systems.size === 0) return outcome;
  const [candidates, state, mappings] = await Promise.all([refreshCandidates(deps, keeper, systems), backgroundStateItem.get(), fieldMappingsItem.get()]);
  const keys = candidatesToRefresh(candidates, state.refreshBackoff, now, deps.limits?.refresh ?? defaultRefreshLimits);
  const store = await watchedTicketsItem.getEntries(keys);
  const skipOrigins = new Set<string>();

  for (const key of keys) {
    const entry = store[key];
    if (!entry || skipOrigins.has(entry.origin)) continue;
    const fetcher = deps.fetchers[entry.ticket.system];
    if (!fetcher) continue;
    await watchedTicketsItem.updateEntries([key], (s) => recordRefreshAttempt(s, key, now));
    const io: HelpdeskIo = {
      fetch: ports.fetch,
      origin: restBaseOf(entry),
      now: () => ports.now(),
      sleep: (ms) => Promise.reject(new DeferredRetry(ms)),
    };
    try {
      const fetched = await fetcher(entry.ticket.id, io, mappings[entry.ticket.system]);
      const fetchedAt = ports.now();
      await watchedTicketsItem.updateEntries([key], (s) =>
        recordSeenTicket(
          s,
          { ticket: ticketToJson(fetched.ticket), source: 'api', origin: entry.origin, fetchedAt, version: fetched.version, ...(entry.via ? { via: entry.via } : {}) },
          fetchedAt,
        ),
      );
      // Someone changed the ticket elsewhere: the tabs showing it (its badge, a view's row) ask again.
      if (fetched.version !== entry.version) await tellTicketChanged(ports, entry.origin, fetched.ticket);
      await backgroundStateItem.update((st) => ({ ...st, refreshBackoff: clearBackoff(st.refreshBackoff, entry.origin) }));
      outcome.refreshed.push(key);
    } catch (error) {
      const kind = error instanceof HelpdeskError ? error.kind : 'unknown';
      const message = error instanceof Error ? error.message : String(error);
      await watchedTicketsItem.updateEntries([key], (s) => recordRefreshFailure(s, key, { kind, message }, ports.now()));
      outcome.failed.push({ key, kind });
      // Errors about this one ticket (gone, unreadable) do not slow the others on its origin.
      if (kind !== 'notFound' && kind !== 'malformed') {
        const retryAfterMs = error instanceof HelpdeskError ? error.retryAfterMs : undefined;
        await backgroundStateItem.update((st) => ({
          ...st,
          refreshBackoff: backoffAfterFailure(st.refreshBackoff, entry.origin, ports.now(), {
            kind,
            ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
          }),
        }));
        skipOrigins.add(entry.origin);
      }
      ports.log(`refresh of ${key} failed (${kind}): ${message}`);
      await healthItem
        .update((health) => recordOriginError(health, entry.origin, `${entry.ticket.id}: ${kind}: ${message}`, ports.now()))
        .catch((healthError: unknown) => ports.log('health not recorded', healthError));
    }
  }
  return outcome;
}

/** Where the ticket's REST API hangs off: a Jira Data Center site may sit under a context path (/jira). */
function restBaseOf(entry: WatchedTicket): string {
  return entry.ticket.system === 'jira' ? siteBaseOf(new URL(entry.ticket.url)) : entry.origin;
}

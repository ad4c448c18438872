import type { EvaluationState } from '../engine/types';
import type { PlanState, StoredWakePlan } from '../storage/wake-plan-item';
import type { DropCandidate } from '../storage/watched-store';
import type { RefreshCandidate } from './refresh-plan';

/**
 * Which watched tickets a wake must read and evaluate (issue 11 item 7 (b)). The plan keeps, per
 * ticket, the revision of its stored entry (lib/storage/watched-store-item.ts) and what its last
 * evaluation said: its next alarm instant, the instant it must be looked at again (its next
 * alarm, its next state change, the day a solved ticket is forgotten), whether it still had a due
 * notification unrecorded (held, or one that could not be built), the state word it shows,
 * whether anybody is left to tell (its notifications still on screen), and when it was last read
 * or refreshed (the background refresh's choice).
 *
 * Until a ticket's instant comes, and while neither its entry (its revision) nor what evaluations
 * depend on (the plan's context: policy, notification and store settings) changed, its last
 * evaluation is still true to the minute: a wake reads and evaluates only the tickets that are
 * new, changed, due or still open, and takes every other figure (toolbar badge, next alarm, next
 * refresh) from the plan. The background keeps the plan in memory and in storage
 * (lib/storage/wake-plan-item.ts), so a new service worker's wake reads the plan and the few due
 * entries, not 2,000.
 *
 * Pure: the wake (wake.ts) does the reading, evaluating and writing.
 */

export interface PlanItem {
  /** The entry's revision when it was evaluated (and recorded as shown). */
  rev: number;
  /** Its next alarm instant (epoch ms), null when none. */
  alarmAt: number | null;
  /** When it must be evaluated again (epoch ms): its next alarm, state change or forgetting; null when never. */
  recheckAt: number | null;
  /** It had due notifications not recorded as shown, or it changed while it was evaluated: evaluated again next wake. */
  open: boolean;
  /** The state word its surfaces show (lib/view-model/shown-evaluation.ts), for the toolbar badge. */
  state: EvaluationState;
  /** Nobody is left to tell (its "notify now" notifications still on screen are taken down): true until its next instant or change. */
  settled: boolean;
  /** When it was last read or a refresh of it tried (epoch ms); null when the background does not refresh it. */
  touchedAt: number | null;
  /** When a page or a read last showed it, and when it was first seen solved (epoch ms): the store's drop order at its cap. */
  seenAt: number;
  solvedAt: number | null;
}

export interface WakePlan {
  /** The store's revision epoch the items' revisions belong to. */
  epoch: string | null;
  /** What every item was computed under (planContextOf). */
  context: string | null;
  items: Map<string, PlanItem>;
  /** Counts the changes made to the plan (its keeper stores it only when it changed). */
  changes: number;
}

export const emptyPlan = (): WakePlan => ({ epoch: null, context: null, items: new Map(), changes: 0 });

const samePlanItem = (a: PlanItem | undefined, b: PlanItem) =>
  a !== undefined &&
  a.rev === b.rev &&
  a.alarmAt === b.alarmAt &&
  a.recheckAt === b.recheckAt &&
  a.open === b.open &&
  a.state === b.state &&
  a.settled === b.settled &&
  a.touchedAt === b.touchedAt &&
  a.seenAt === b.seenAt &&
  a.solvedAt === b.solvedAt;

/** The store's revisions as the plan reads them (lib/storage/watched-store-item.ts). */
export interface PlanRevisions {
  epoch: string;
  revs: ReadonlyMap<string, { rev: number; size: number }>;
}

export interface PlanLimits {
  maxTickets: number;
  maxChars: number;
}

export interface WakeSelection {
  /** Ticket keys to read and evaluate now, sorted. */
  toEvaluate: string[];
  /** Every other watched ticket: its plan item is still true now. */
  kept: string[];
  /** Whether every ticket is evaluated: the plan was void. */
  whole: boolean;
  /** The store is over its limits: the wake drops tickets in the store's drop order (from the plan for the kept ones). */
  overLimits: boolean;
}

/**
 * Splits the watched tickets for a wake at `now`, emptying the plan first when it was made under
 * another context or revision epoch and forgetting the items of tickets no longer watched.
 */
export function selectForWake(
  plan: WakePlan,
  revisions: PlanRevisions,
  context: string,
  now: Date,
  limits: PlanLimits,
): WakeSelection {
  let whole = false;
  if (plan.context !== context || plan.epoch !== revisions.epoch) {
    plan.items.clear();
    plan.changes++;
    plan.context = context;
    plan.epoch = revisions.epoch;
    whole = true;
  }
  forgetInPlan(plan, [...plan.items.keys()].filter((key) => !revisions.revs.has(key)));
  let chars = 0;
  for (const { size } of revisions.revs.values()) chars += size;
  const overLimits = revisions.revs.size > limits.maxTickets || chars > limits.maxChars;
  const nowMs = now.getTime();
  const toEvaluate: string[] = [];
  const kept: string[] = [];
  for (const [key, { rev }] of revisions.revs) {
    const item = plan.items.get(key);
    const stillTrue = !whole && item !== undefined && item.rev === rev && !item.open && (item.recheckAt === null || item.recheckAt > nowMs);
    (stillTrue ? kept : toEvaluate).push(key);
  }
  toEvaluate.sort();
  return { toEvaluate, kept, whole, overLimits };
}

/** Records a ticket just evaluated (its recheck instant is never after its alarm). */
export function recordInPlan(plan: WakePlan, key: string, item: PlanItem): void {
  const recheckAt = item.alarmAt === null ? item.recheckAt : Math.min(item.alarmAt, item.recheckAt ?? Number.POSITIVE_INFINITY);
  const next = { ...item, recheckAt };
  if (samePlanItem(plan.items.get(key), next)) return;
  plan.items.set(key, next);
  plan.changes++;
}

export function forgetInPlan(plan: WakePlan, keys: Iterable<string>): void {
  for (const key of keys) if (plan.items.delete(key)) plan.changes++;
}

/** The earliest alarm instant of every planned ticket, or null. */
export function earliestAlarm(plan: WakePlan): Date | null {
  let earliest = Number.POSITIVE_INFINITY;
  for (const { alarmAt } of plan.items.values()) if (alarmAt !== null && alarmAt < earliest) earliest = alarmAt;
  return Number.isFinite(earliest) ? new Date(earliest) : null;
}

/** What the store's drop order needs of the given planned tickets (their sizes from the store's revisions). */
export function plannedDropCandidates(plan: WakePlan, keys: Iterable<string>, revisions: PlanRevisions): DropCandidate[] {
  const candidates: DropCandidate[] = [];
  for (const key of keys) {
    const item = plan.items.get(key);
    const size = revisions.revs.get(key)?.size;
    if (item && size !== undefined) candidates.push({ key, solvedAtMs: item.solvedAt, lastSeenAtMs: item.seenAt, size });
  }
  return candidates;
}

/** Which of the given planned tickets have nobody left to tell. */
export function plannedSettled(plan: WakePlan, keys: Iterable<string>): string[] {
  const settled: string[] = [];
  for (const key of keys) if (plan.items.get(key)?.settled) settled.push(key);
  return settled;
}

/** The state words of the given planned tickets (the toolbar badge of the ones a wake kept). */
export function plannedStates(plan: WakePlan, keys: Iterable<string>): Array<{ state: EvaluationState }> {
  const states: Array<{ state: EvaluationState }> = [];
  for (const key of keys) {
    const item = plan.items.get(key);
    if (item) states.push({ state: item.state });
  }
  return states;
}

/** `system:id@origin` → system (a system name holds no ':'). */
export function systemOfKey(key: string): string {
  return key.slice(0, key.indexOf(':'));
}

/** `system:id@origin` → origin (an origin holds no '@'; an id may). */
export function originOfKey(key: string): string {
  return key.slice(key.lastIndexOf('@') + 1);
}

/** The planned tickets the background refreshes, as the refresh plan reads them (refresh-plan.ts). */
export function plannedRefreshCandidates(plan: WakePlan): RefreshCandidate[] {
  const candidates: RefreshCandidate[] = [];
  for (const [key, { touchedAt }] of plan.items) if (touchedAt !== null) candidates.push({ key, origin: originOfKey(key), touchedAt });
  return candidates;
}

/** A 53-bit hash of a text (cyrb53): the plan's context is compared, never read back. */
function hash53(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/** Bumped when what a plan item means changes: a plan of another format is void. */
export const PLAN_FORMAT = 2;

/**
 * What every plan item depends on besides its ticket: the policy, the notification options, the
 * store's limits and which systems are refreshed. Any change voids the plan (every ticket is
 * evaluated again), as a change of the plan's format or of the extension's build does.
 */
export function planContextOf(parts: readonly unknown[]): string {
  return `${PLAN_FORMAT}:${hash53(JSON.stringify(parts))}`;
}

/** The plan as storage keeps it (lib/storage/wake-plan-item.ts); null when it has nothing to keep. */
export function planToStored(plan: WakePlan): StoredWakePlan | null {
  if (plan.epoch === null || plan.context === null) return null;
  const stored: StoredWakePlan = { epoch: plan.epoch, context: plan.context, keys: [], revs: [], alarmAt: [], recheckAt: [], open: [], states: [], settled: [], touchedAt: [], seenAt: [], solvedAt: [] };
  for (const [key, item] of plan.items) {
    stored.keys.push(key);
    stored.revs.push(item.rev);
    stored.alarmAt.push(item.alarmAt);
    stored.recheckAt.push(item.recheckAt);
    stored.open.push(item.open ? 1 : 0);
    stored.states.push(item.state);
    stored.settled.push(item.settled ? 1 : 0);
    stored.touchedAt.push(item.touchedAt);
    stored.seenAt.push(item.seenAt);
    stored.solvedAt.push(item.solvedAt);
  }
  return stored;
}

/** A stored plan back in memory (its columns are checked equal in length by its schema). */
export function planFromStored(stored: StoredWakePlan | null): WakePlan {
  const plan = emptyPlan();
  if (stored === null) return plan;
  plan.epoch = stored.epoch;
  plan.context = stored.context;
  stored.keys.forEach((key, i) => {
    plan.items.set(key, {
      rev: stored.revs[i] as number,
      alarmAt: stored.alarmAt[i] ?? null,
      recheckAt: stored.recheckAt[i] ?? null,
      open: stored.open[i] === 1,
      state: stored.states[i] as PlanState,
      settled: stored.settled[i] === 1,
      touchedAt: stored.touchedAt[i] ?? null,
      seenAt: stored.seenAt[i] as number,
      solvedAt: stored.solvedAt[i] ?? null,
    });
  });
  return plan;
}

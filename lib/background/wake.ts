import { answeredAmong, nobodyLeftToTell } from '../alarms/answered-notifications';
import type { DueOptions, DuePlan, PlannedNotification } from '../alarms/due-notifications';
import { dueEventsOf, dueNotifications } from '../alarms/due-notifications';
import { nextWakeAt } from '../alarms/next-wake';
import { inQuietHours, quietHoursEnd } from '../alarms/quiet-hours';
import { toolbarBadge } from '../alarms/toolbar-badge';
import { warningLeadsFrom } from '../alarms/warning-leads';
import type { EvaluationState, HelpdeskSystem } from '../engine/types';
import { isKnownTimeZone } from '../policy/time-zone';
import { backgroundStateItem } from '../storage/background-state';
import { type HeldNotification, healthItem, recordWake, type WakeRecord } from '../storage/health';
import { appendRaised, notificationLogItem, type RaisedNotification } from '../storage/notification-log';
import { defaultStoreLimits, dropCandidateOf, forgetTickets, markShown, overLimitVictims, pruneStore, type StoreLimits } from '../storage/watched-store';
import { entryRevisionSize } from '../storage/watched-store-revisions';
import { entryAt, type WatchedStore, type WatchedTicket } from '../storage/watched-ticket-schema';
import { watchedTicketsItem } from '../storage/watched-tickets';
import { type ContentContext, type NotificationContent, renderNotification } from '../view-model/notification-text';
import { shownEvaluation } from '../view-model/shown-evaluation';
import { nextStateChangeAt } from '../view-model/ticket-view';
import { type BackgroundDeps, WAKE_ALARM } from './deps';
import { recordWakeEscalations } from './escalation-recording';
import { type EvaluatedTicket, evaluateStore } from './evaluate-store';
import { type BackgroundContext, loadContext } from './load-context';
import { defaultRefreshLimits, lastTouchedMs, nextRefreshOf, refreshable } from './refresh-plan';
import {
  earliestAlarm,
  forgetInPlan,
  type PlanItem,
  planContextOf,
  plannedDropCandidates,
  plannedRefreshCandidates,
  plannedSettled,
  plannedStates,
  recordInPlan,
  selectForWake,
} from './wake-plan';
import { createWakePlanKeeper, type WakePlanKeeper } from './wake-plan-keeper';

/**
 * One wake of the background: evaluate the watched tickets that are due (wake-plan.ts), build the notifications due, record
 * them as shown (BEFORE showing them: a restart in between can lose one, never duplicate one),
 * show them, update the toolbar badge and re-arm the single alarm for the next instant that
 * matters. Callers run it inside the background's serial queue.
 *
 * Nothing read from storage or a helpdesk can stop a wake: a ticket whose alarms cannot be
 * computed and a notification that cannot be built are logged and skipped (the others still go
 * out; one that failed to build is not recorded, so it is tried again next wake), and the next
 * alarm is armed in a `finally` — when the wake failed before knowing it, one minute later.
 */

export interface WakeResult {
  shown: string[];
  nextWakeAt: Date | null;
  badge: string;
}

const DAY_MS = 86_400_000;
/** When a wake fails before it knows the next instant, it tries again this much later. */
export const WAKE_RETRY_MS = 60_000;
/** A notification that could not be built is tried again this much later. */
export const FAILED_NOTIFICATION_RETRY_MS = 5 * 60_000;

/** The quiet-hours zone when it is a real one; else the browser's; else UTC (never a throw later). */
export function quietHoursZone(context: BackgroundContext, deps: BackgroundDeps): string {
  const candidates = [context.notifications.quietHours.timeZone, deps.ports.timeZone(), 'UTC'];
  return candidates.find((zone): zone is string => typeof zone === 'string' && isKnownTimeZone(zone)) ?? 'UTC';
}

export function dueOptionsFor(context: BackgroundContext, deps: BackgroundDeps): DueOptions {
  return {
    leads: warningLeadsFrom(context.policy.policy, context.notifications),
    reminderMinutes: context.notifications.reminderMinutes,
    ackTimeouts: context.notifications.ackTimeoutMinutes,
    quietHours: context.notifications.quietHours,
    timeZone: quietHoursZone(context, deps),
    ...(deps.limits?.sleepGapMs !== undefined ? { sleepGapMs: deps.limits.sleepGapMs } : {}),
  };
}

export function storeLimitsFor(context: BackgroundContext, deps: BackgroundDeps): StoreLimits {
  return {
    ...defaultStoreLimits,
    forgetSolvedAfterMs: context.general.forgetSolvedAfterDays * DAY_MS,
    ...deps.limits?.store,
  };
}

/** "Notify now" notifications of tickets with nobody left to tell (Sev 1 ones never time out). */
async function takeDownAnswered(deps: BackgroundDeps, settled: ReadonlySet<string>, onScreen: readonly string[]): Promise<void> {
  if (onScreen.length === 0) return;
  try {
    for (const id of answeredAmong(settled, onScreen)) await deps.ports.notifications.clear(id);
  } catch (error) {
    deps.ports.log('answered notifications could not be taken down', error);
  }
}

/**
 * The tickets whose alarms can be computed. The alarm logic is pure but reads evaluations built
 * from stored data; one that throws (an instant out of range, …) is logged and left out, so it
 * cannot take the other tickets' notifications with it.
 */
export function alarmSafeTickets(
  evaluated: readonly EvaluatedTicket[],
  lastCheckedAt: Date | null,
  now: Date,
  options: DueOptions,
  log: (text: string, error?: unknown) => void,
  onRefused?: (key: string, origin: string, reason: string) => void,
): EvaluatedTicket[] {
  return evaluated.filter((item) => {
    try {
      dueNotifications([item], lastCheckedAt, now, options);
      nextWakeAt([item], now, options);
      return true;
    } catch (error) {
      log(`ticket ${item.key} skipped: its alarms cannot be computed`, error);
      onRefused?.(item.key, item.entry.origin, `its alarms cannot be computed: ${error instanceof Error ? error.message : String(error)}`);
      return false;
    }
  });
}

/** The keys a planned notification records as shown. */
function recordedKeys(planned: PlannedNotification): Array<[string, string]> {
  return planned.kind === 'event'
    ? [[planned.event.ticketKey, planned.event.key]]
    : planned.events.map(({ event }) => [event.ticketKey, event.key] as [string, string]);
}

export interface BuiltNotifications {
  contents: NotificationContent[];
  /** The plan's keys to record: everything but the keys of notifications that could not be built. */
  toRecord: Map<string, string[]>;
  failed: string[];
}

/** Builds every planned notification first; one that throws is logged, left out and not recorded. */
export function buildNotifications(
  plan: DuePlan,
  context: ContentContext,
  log: (text: string, error?: unknown) => void,
): BuiltNotifications {
  const contents: NotificationContent[] = [];
  const failed: string[] = [];
  const unrecorded = new Set<string>();
  for (const planned of plan.notifications) {
    try {
      const content = renderNotification(planned, context);
      if (typeof content.title !== 'string' || typeof content.message !== 'string') throw new Error('no title or message');
      contents.push(content);
    } catch (error) {
      log(`notification ${planned.id} could not be built`, error);
      failed.push(planned.id);
      for (const [, key] of recordedKeys(planned)) unrecorded.add(key);
    }
  }
  const toRecord = new Map<string, string[]>();
  for (const [ticketKey, keys] of plan.toRecord) {
    const kept = keys.filter((key) => !unrecorded.has(key));
    if (kept.length > 0) toRecord.set(ticketKey, kept);
  }
  return { contents, toRecord, failed };
}

async function showAll(deps: BackgroundDeps, contents: readonly NotificationContent[], sound: boolean): Promise<string[]> {
  const { ports } = deps;
  const buttons = [ports.t('notifButtonMarkNotified'), ports.t('notifButtonSnooze')];
  const shown: string[] = [];
  const raised: RaisedNotification[] = [];
  // Asked for all at once, in order (the browser loads each one's icon: one after another they took ~20 ms each).
  const outcomes = await Promise.allSettled(
    contents.map((content) =>
      ports.notifications.show(content.id, {
        title: content.title,
        message: content.message,
        ...(content.contextMessage ? { contextMessage: content.contextMessage } : {}),
        requireInteraction: content.requireInteraction,
        silent: !sound,
        buttons: ports.notifications.supportsButtons && content.canMarkNotified ? buttons : [],
      }),
    ),
  );
  contents.forEach((content, i) => {
    const outcome = outcomes[i];
    if (outcome?.status === 'fulfilled') {
      shown.push(content.id);
      raised.push({ id: content.id, title: content.title, message: content.message, at: ports.now().toISOString() });
    } else {
      ports.log(`notification ${content.id} could not be shown`, outcome?.reason);
    }
  });
  if (raised.length > 0) {
    await notificationLogItem.update((log) => appendRaised(log, raised)).catch((error: unknown) => ports.log('notification log not written', error));
  }
  return shown;
}

/** The state word a ticket's surfaces show now (a director a passed timeout added, still to tell, reads "notify"). */
function shownStateOf(item: EvaluatedTicket, options: DueOptions, now: Date): EvaluationState {
  return shownEvaluation(item.ticket, item.evaluation, options.ackTimeouts, item.acknowledged ?? {}, now).state;
}

async function setBadge(deps: BackgroundDeps, states: ReadonlyArray<{ state: EvaluationState }>): Promise<string> {
  const { ports } = deps;
  try {
    const badge = toolbarBadge(states);
    await ports.badge.set(badge.text, badge.color, badge.text ? ports.t('badgeTooltip', [badge.text]) : ports.t('extName'));
    return badge.text;
  } catch (error) {
    ports.log('toolbar badge could not be set', error);
    return '';
  }
}

/** Arms (or clears) the one alarm; `undefined` means the wake failed before knowing: retry soon. */
async function armNext(deps: BackgroundDeps, next: Date | null | undefined, now: Date): Promise<Date | null> {
  const { ports } = deps;
  const at = next === undefined ? new Date(now.getTime() + WAKE_RETRY_MS) : next;
  try {
    if (at) await ports.alarms.set(WAKE_ALARM, at);
    else await ports.alarms.clear(WAKE_ALARM);
  } catch (error) {
    ports.log('the next alarm could not be armed', error);
  }
  try {
    await backgroundStateItem.update((state) => ({ ...state, nextWakeAt: at ? at.toISOString() : null }));
  } catch (error) {
    ports.log('the next alarm could not be recorded', error);
  }
  return at;
}

/**
 * The notifications quiet hours hold back right now (Sev 3–4 due while quiet; snoozes are the
 * engineer's own doing and not listed), with when they will be shown.
 */
export function heldByQuietHours(tickets: readonly EvaluatedTicket[], now: Date, options: DueOptions): HeldNotification[] {
  if (!inQuietHours(options.quietHours, now, options.timeZone)) return [];
  const until = quietHoursEnd(options.quietHours, now, options.timeZone);
  return tickets.flatMap((ticket) => {
    const severity = ticket.evaluation.severity;
    if (severity !== 3 && severity !== 4) return [];
    return dueEventsOf(ticket, now, options).map((event) => ({
      id: event.key,
      ticket: ticket.key,
      until: until ? until.toISOString() : null,
    }));
  });
}

async function recordHealth(deps: BackgroundDeps, wake: WakeRecord): Promise<void> {
  try {
    await healthItem.update((health) => recordWake(health, wake));
  } catch (error) {
    deps.ports.log('health not recorded', error);
  }
}

/** An entry as the wake evaluated it is still the stored one (the same object, or one equal to it read again). */
function sameEntry(a: WatchedTicket | undefined, b: WatchedTicket): boolean {
  return a === b || (a !== undefined && JSON.stringify(a) === JSON.stringify(b));
}

/** What the surfaces and the notifications on screen need of a ticket just evaluated, computed once per wake. */
interface ShownFacts {
  state: EvaluationState;
  settled: boolean;
}

function shownFactsOf(item: EvaluatedTicket, options: DueOptions, now: Date): ShownFacts {
  return { state: shownStateOf(item, options, now), settled: nobodyLeftToTell(item, { ackTimeouts: options.ackTimeouts, now }) };
}

interface PlanInput {
  item: EvaluatedTicket;
  /** The entry as the wake left it stored (with what it recorded as shown). */
  entry: WatchedTicket;
  rev: number;
  changedMeanwhile: boolean;
  facts: ShownFacts;
}

/** A ticket just evaluated, as the plan keeps it: its next alarm, when to look again, its state word. */
function planItemOf(input: PlanInput, context: { now: Date; options: DueOptions; forgetSolvedAfterMs: number; systems: ReadonlySet<HelpdeskSystem> }): PlanItem {
  const { item, entry } = input;
  const { now, options } = context;
  const stored = { ...item, entry, shown: entry.shown };
  const alarmAt = nextWakeAt([stored], now, options);
  const stateChangeAt = nextStateChangeAt(item.evaluation, now);
  const forgetAt = entry.solvedAt !== undefined ? Date.parse(entry.solvedAt) + context.forgetSolvedAfterMs : Number.POSITIVE_INFINITY;
  const recheckAt = Math.min(stateChangeAt ? stateChangeAt.getTime() : Number.POSITIVE_INFINITY, forgetAt);
  return {
    rev: input.rev,
    alarmAt: alarmAt ? alarmAt.getTime() : null,
    recheckAt: Number.isFinite(recheckAt) ? recheckAt : null,
    open: input.changedMeanwhile || dueEventsOf(stored, now, options).length > 0,
    state: input.facts.state,
    settled: input.facts.settled,
    touchedAt: refreshable(entry, context.systems) ? lastTouchedMs(entry) : null,
    seenAt: Date.parse(entry.lastSeenAt),
    solvedAt: entry.solvedAt !== undefined ? Date.parse(entry.solvedAt) : null,
  };
}

/** The ids of the notifications on screen (the wake takes down the ones nobody is left to act on). */
async function notificationsOnScreen(deps: BackgroundDeps): Promise<string[]> {
  try {
    return await deps.ports.notifications.onScreen();
  } catch (error) {
    deps.ports.log('notifications on screen could not be listed', error);
    return [];
  }
}

/**
 * One wake. `keeper` holds the background's wake plan (wake-plan.ts): the wake reads and
 * evaluates only the tickets that are new, changed, due or open (a new plan: every ticket) and
 * takes the others' figures from the plan.
 */
export async function runWake(deps: BackgroundDeps, keeper: WakePlanKeeper = createWakePlanKeeper()): Promise<WakeResult> {
  const { ports } = deps;
  const startedMs = performance.now();
  const now = ports.now();
  let shown: string[] = [];
  let badge = '';
  let next: Date | null | undefined;
  let held: HeldNotification[] = [];
  let counts: { evaluated: number; watched: number } | null = null;
  const refused: WakeRecord['refused'][number][] = [];
  const onRefused = (ticket: string, origin: string | null, reason: string) => refused.push({ ticket, origin, reason });
  try {
    const [context, revisions, onScreen, plan] = await Promise.all([
      loadContext(deps),
      watchedTicketsItem.revisions(),
      notificationsOnScreen(deps),
      keeper.plan(deps),
    ]);
    const options = dueOptionsFor(context, deps);
    const limits = storeLimitsFor(context, deps);
    const systems = new Set(Object.keys(deps.fetchers) as HelpdeskSystem[]);
    const lastCheckedAt = context.state.lastCheckedAt ? new Date(context.state.lastCheckedAt) : null;

    // Only the tickets that are new, changed, due or open are read and evaluated; the others keep their plan.
    const planContext = planContextOf([context.policy.policy, options, limits, [...systems].sort()]);
    const selection = selectForWake(plan, revisions, planContext, now, limits);
    const read = await watchedTicketsItem.getEntries(selection.toEvaluate);
    // Over its cap the store drops tickets in its drop order: the read ones by their entries, the kept ones by the plan.
    const victims = selection.overLimits
      ? overLimitVictims(
          [
            ...Object.entries(read).map(([key, entry]) => dropCandidateOf(key, entry, revisions.revs.get(key)?.size ?? entryRevisionSize(key, entry))),
            ...plannedDropCandidates(plan, selection.kept, revisions),
          ],
          limits,
        )
      : [];
    const dropped = new Set(victims);
    const pruned = pruneStore(read, now, limits);
    const toEvaluate = forgetTickets(pruned.store, dropped);
    const touched = [...selection.toEvaluate, ...victims.filter((key) => !Object.hasOwn(read, key))];
    const fresh = alarmSafeTickets(evaluateStore(toEvaluate, context.policy.policy, now, deps, onRefused), lastCheckedAt, now, options, ports.log, onRefused);
    for (const key of pruned.forgotten) {
      const entry = read[key];
      const oversized = entry !== undefined && entryRevisionSize(key, entry) > limits.maxEntryChars;
      if (oversized) onRefused(key, entry.origin, `larger than ${limits.maxEntryChars} characters; dropped from the store`);
    }
    counts = { evaluated: fresh.length, watched: revisions.revs.size };
    // A kept ticket has nothing due (its next instant is still ahead): the due ones are all fresh.
    const due = dueNotifications(fresh, lastCheckedAt, now, options);
    const contentContext: ContentContext = {
      t: ports.t,
      policy: context.policy.policy,
      directory: context.directory,
      now,
      formatTime: ports.formatTime,
    };
    const built = buildNotifications(due, contentContext, ports.log);
    for (const id of built.failed) onRefused(id.split('|')[0] ?? id, null, `notification ${id} could not be built; tried again in 5 minutes`);
    held = heldByQuietHours(fresh, now, options);

    // Record first. The update re-reads the entries, so a change that landed meanwhile is kept.
    let recordedOver: WatchedStore = read;
    const after = await watchedTicketsItem.updateEntries(touched, (current) => {
      recordedOver = current;
      return markShown(pruneStore(forgetTickets(current, dropped), now, limits).store, built.toRecord, now);
    });
    await backgroundStateItem.update((state) => ({ ...state, lastCheckedAt: now.toISOString() }));

    // Nobody left to tell: the evaluated tickets now (the Escalation Director a passed timeout added
    // still counts), the others as the plan says (unchanged since they were last evaluated).
    const facts = new Map(fresh.map((item) => [item.key, shownFactsOf(item, options, now)]));
    const settled = new Set([...fresh.filter((item) => facts.get(item.key)?.settled).map((item) => item.key), ...plannedSettled(plan, selection.kept)]);
    await takeDownAnswered(deps, settled, onScreen);
    shown = await showAll(deps, built.contents, context.notifications.sound);
    await recordWakeEscalations(deps, { evaluated: fresh, planned: due.notifications, recorded: built.toRecord, shown, lastCheckedAt, now, ackTimeouts: options.ackTimeouts });

    // The plan: every ticket read now, as the wake left it stored. A ticket changed while this wake
    // ran (a page's read landed meanwhile) was evaluated from its older entry: it counts for this
    // wake's alarm, and the next wake evaluates it again.
    forgetInPlan(plan, touched.filter((key) => !Object.hasOwn(after.store, key)));
    const planned = { now, options, forgetSolvedAfterMs: limits.forgetSolvedAfterMs, systems };
    for (const item of fresh) {
      const entry = entryAt(after.store, item.key);
      const rev = after.revisions.revs.get(item.key)?.rev;
      if (!entry || rev === undefined) continue;
      const changedMeanwhile = !sameEntry(entryAt(recordedOver, item.key), item.entry);
      recordInPlan(plan, item.key, planItemOf({ item, entry, rev, changedMeanwhile, facts: facts.get(item.key) ?? shownFactsOf(item, options, now) }, planned));
    }
    // A ticket that could not be evaluated stays out of the plan: every wake tries it again.
    badge = await setBadge(deps, [
      ...fresh.map((item) => ({ state: facts.get(item.key)?.state ?? shownStateOf(item, options, now) })),
      ...plannedStates(plan, selection.kept.filter((key) => !dropped.has(key))),
    ]);
    await keeper.save(deps);

    const refreshAt = nextRefreshOf(plannedRefreshCandidates(plan), context.state.refreshBackoff, now, deps.limits?.refresh ?? defaultRefreshLimits);
    // A notification that could not be built is tried again soon (the fault may be fixed by then).
    const retry = built.failed.length > 0 ? new Date(now.getTime() + FAILED_NOTIFICATION_RETRY_MS) : null;
    next = nextWakeAt([], now, options, [earliestAlarm(plan), refreshAt, retry]);
  } catch (error) {
    ports.log('wake failed', error);
  } finally {
    next = await armNext(deps, next, now);
    await recordHealth(deps, { at: now, nextAlarmAt: next, held, refused, ...(counts ? { took: { ms: performance.now() - startedMs, ...counts } } : {}) });
  }
  return { shown, nextWakeAt: next, badge };
}

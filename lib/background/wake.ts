import { answeredNotifications } from '../alarms/answered-notifications';
import type { AckTimeoutMinutes } from '../alarms/ack-timeouts';
import type { DueOptions, DuePlan, PlannedNotification } from '../alarms/due-notifications';
import { dueNotifications } from '../alarms/due-notifications';
import { nextWakeAt } from '../alarms/next-wake';
import { type ContentContext, type NotificationContent, renderNotification } from '../view-model/notification-text';
import { toolbarBadge } from '../alarms/toolbar-badge';
import { warningLeadsFrom } from '../alarms/warning-leads';
import type { HelpdeskSystem } from '../engine/types';
import { isKnownTimeZone } from '../policy/time-zone';
import { inQuietHours, quietHoursEnd } from '../alarms/quiet-hours';
import { dueEventsOf } from '../alarms/due-notifications';
import { backgroundStateItem } from '../storage/background-state';
import { type HeldNotification, healthItem, recordWake, type WakeRecord } from '../storage/health';
import { appendRaised, notificationLogItem, type RaisedNotification } from '../storage/notification-log';
import { defaultStoreLimits, markShown, pruneStore, type StoreLimits } from '../storage/watched-store';
import { watchedTicketsItem } from '../storage/watched-tickets';
import { entryAt, type WatchedStore } from '../storage/watched-ticket-schema';
import { nextStateChangeAt } from '../view-model/ticket-view';
import { shownEvaluation } from '../view-model/shown-evaluation';
import { type BackgroundDeps, WAKE_ALARM } from './deps';
import { type EvaluatedTicket, evaluateStore } from './evaluate-store';
import { type BackgroundContext, loadContext } from './load-context';
import { recordWakeEscalations } from './escalation-recording';
import { defaultRefreshLimits, nextRefreshAt } from './refresh-plan';
import { createWakeIndex, type WakeIndex } from './wake-index';

/**
 * One wake of the background: evaluate the watched tickets that are due (wake-index.ts), build the notifications due, record
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
async function takeDownAnswered(
  deps: BackgroundDeps,
  evaluated: Parameters<typeof answeredNotifications>[0],
  timeouts: Parameters<typeof answeredNotifications>[2],
): Promise<void> {
  try {
    const answered = answeredNotifications(evaluated, await deps.ports.notifications.onScreen(), timeouts);
    for (const id of answered) await deps.ports.notifications.clear(id);
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
  for (const content of contents) {
    try {
      await ports.notifications.show(content.id, {
        title: content.title,
        message: content.message,
        ...(content.contextMessage ? { contextMessage: content.contextMessage } : {}),
        requireInteraction: content.requireInteraction,
        silent: !sound,
        buttons: ports.notifications.supportsButtons && content.canMarkNotified ? buttons : [],
      });
      shown.push(content.id);
      raised.push({ id: content.id, title: content.title, message: content.message, at: ports.now().toISOString() });
    } catch (error) {
      ports.log(`notification ${content.id} could not be shown`, error);
    }
  }
  if (raised.length > 0) {
    await notificationLogItem.update((log) => appendRaised(log, raised)).catch((error: unknown) => ports.log('notification log not written', error));
  }
  return shown;
}

async function setBadge(deps: BackgroundDeps, evaluated: readonly EvaluatedTicket[], timeouts: { ackTimeouts: AckTimeoutMinutes | undefined; now: Date }): Promise<string> {
  const { ports } = deps;
  try {
    // A ticket whose only one left to tell is the director a passed timeout added still counts as "to notify".
    const states = evaluated.map(({ evaluation, ticket, acknowledged }) => ({
      state: shownEvaluation(ticket, evaluation, timeouts.ackTimeouts, acknowledged ?? {}, timeouts.now).state,
    }));
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

/** Evaluated tickets in the store's order (as a wake over every ticket lists them). */
function inStoreOrder(store: WatchedStore, items: readonly EvaluatedTicket[]): EvaluatedTicket[] {
  const byKey = new Map(items.map((item) => [item.key, item]));
  return Object.keys(store).flatMap((key) => byKey.get(key) ?? []);
}

/** Indexes a ticket just evaluated, with what the wake recorded as shown: its next alarm and when to look again. */
function indexTicket(index: WakeIndex, item: EvaluatedTicket, after: WatchedStore, now: Date, options: DueOptions, changedMeanwhile: boolean): void {
  const entry = entryAt(after, item.key);
  if (!entry) return;
  const stored = { ...item, entry, shown: entry.shown };
  index.record(stored, entry, {
    alarmAt: nextWakeAt([stored], now, options),
    recheckAt: nextStateChangeAt(item.evaluation, now),
    open: changedMeanwhile || dueEventsOf(stored, now, options).length > 0,
  });
}

/**
 * One wake. `index` (the background's, kept between wakes) says which tickets need evaluating;
 * a new one evaluates every ticket.
 */
export async function runWake(deps: BackgroundDeps, index: WakeIndex = createWakeIndex()): Promise<WakeResult> {
  const { ports } = deps;
  const now = ports.now();
  let shown: string[] = [];
  let badge = '';
  let next: Date | null | undefined;
  let held: HeldNotification[] = [];
  const refused: WakeRecord['refused'][number][] = [];
  const onRefused = (ticket: string, origin: string | null, reason: string) => refused.push({ ticket, origin, reason });
  try {
    const context = await loadContext(deps);
    const options = dueOptionsFor(context, deps);
    const limits = storeLimitsFor(context, deps);
    const lastCheckedAt = context.state.lastCheckedAt ? new Date(context.state.lastCheckedAt) : null;

    const before = await watchedTicketsItem.get();
    const pruned = pruneStore(before, now, limits);
    // Only the tickets that are new, changed or due are evaluated; the others keep their evaluation.
    const selection = index.select(pruned.store, [context.policy.policy, JSON.stringify(options)], now);
    const fresh = alarmSafeTickets(
      evaluateStore(selection.toEvaluate, context.policy.policy, now, deps, onRefused),
      lastCheckedAt,
      now,
      options,
      ports.log,
      onRefused,
    );
    const evaluated = inStoreOrder(pruned.store, [...selection.kept, ...fresh]);
    for (const key of pruned.forgotten) {
      const entry = before[key];
      const oversized = entry !== undefined && key.length + JSON.stringify(entry).length > limits.maxEntryChars;
      if (oversized) onRefused(key, entry.origin, `larger than ${limits.maxEntryChars} characters; dropped from the store`);
    }
    // A kept ticket has nothing due (its next instant is still ahead): the due ones are all fresh.
    const plan = dueNotifications(fresh, lastCheckedAt, now, options);
    const contentContext: ContentContext = {
      t: ports.t,
      policy: context.policy.policy,
      directory: context.directory,
      now,
      formatTime: ports.formatTime,
    };
    const built = buildNotifications(plan, contentContext, ports.log);
    for (const id of built.failed) onRefused(id.split('|')[0] ?? id, null, `notification ${id} could not be built; tried again in 5 minutes`);
    held = heldByQuietHours(evaluated, now, options);

    // Record first. The update re-reads the store, so a change that landed meanwhile is kept.
    let recordedOver: WatchedStore = before;
    const after = await watchedTicketsItem.update((store) => {
      recordedOver = store;
      return markShown(store === before ? pruned.store : pruneStore(store, now, limits).store, built.toRecord, now);
    });
    await backgroundStateItem.update((state) => ({ ...state, lastCheckedAt: now.toISOString() }));

    // The Escalation Director a passed timeout added is still someone to tell.
    await takeDownAnswered(deps, evaluated, { ackTimeouts: options.ackTimeouts, now });
    shown = await showAll(deps, built.contents, context.notifications.sound);
    await recordWakeEscalations(deps, { evaluated, planned: plan.notifications, recorded: built.toRecord, shown, lastCheckedAt, now, ackTimeouts: options.ackTimeouts });
    badge = await setBadge(deps, evaluated, { ackTimeouts: options.ackTimeouts, now });

    // A ticket changed while this wake ran (a page's read landed meanwhile) was evaluated from its
    // older entry: it counts for this wake's alarm, and the next wake evaluates it again.
    for (const item of fresh) indexTicket(index, item, after, now, options, entryAt(recordedOver, item.key) !== item.entry);
    const systems = new Set(Object.keys(deps.fetchers) as HelpdeskSystem[]);
    const refreshAt = nextRefreshAt(after, context.state.refreshBackoff, now, systems, deps.limits?.refresh ?? defaultRefreshLimits);
    // A notification that could not be built is tried again soon (the fault may be fixed by then).
    const retry = built.failed.length > 0 ? new Date(now.getTime() + FAILED_NOTIFICATION_RETRY_MS) : null;
    next = nextWakeAt([], now, options, [index.earliestAlarm(Object.keys(after)), refreshAt, retry]);
  } catch (error) {
    ports.log('wake failed', error);
  } finally {
    next = await armNext(deps, next, now);
    await recordHealth(deps, { at: now, nextAlarmAt: next, held, refused });
  }
  return { shown, nextWakeAt: next, badge };
}

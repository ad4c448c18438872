import { answeredNotifications } from '../alarms/answered-notifications';
import type { DueOptions } from '../alarms/due-notifications';
import { dueNotifications } from '../alarms/due-notifications';
import { nextWakeAt } from '../alarms/next-wake';
import { renderNotification } from '../alarms/notification-content';
import { toolbarBadge } from '../alarms/toolbar-badge';
import { warningLeadsFrom } from '../alarms/warning-leads';
import type { HelpdeskSystem } from '../engine/types';
import { backgroundStateItem } from '../storage/background-state';
import { defaultStoreLimits, markShown, pruneStore, type StoreLimits } from '../storage/watched-store';
import { watchedTicketsItem } from '../storage/watched-tickets';
import { type BackgroundDeps, WAKE_ALARM } from './deps';
import { evaluateStore } from './evaluate-store';
import { type BackgroundContext, loadContext } from './load-context';
import { defaultRefreshLimits, nextRefreshAt } from './refresh-plan';

/**
 * One wake of the background: evaluate every watched ticket, record the notifications due as
 * shown (BEFORE showing them: a restart in between can lose one, never duplicate one), show
 * them, update the toolbar badge and re-arm the single alarm for the next instant that matters.
 * Callers run it inside the background's serial queue.
 */

export interface WakeResult {
  shown: string[];
  nextWakeAt: Date | null;
  badge: string;
}

const DAY_MS = 86_400_000;

export function dueOptionsFor(context: BackgroundContext, deps: BackgroundDeps): DueOptions {
  return {
    leads: warningLeadsFrom(context.policy.policy, context.notifications),
    reminderMinutes: context.notifications.reminderMinutes,
    quietHours: context.notifications.quietHours,
    timeZone: context.notifications.quietHours.timeZone ?? deps.ports.timeZone(),
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
async function takeDownAnswered(deps: BackgroundDeps, evaluated: Parameters<typeof answeredNotifications>[0]): Promise<void> {
  try {
    const answered = answeredNotifications(evaluated, await deps.ports.notifications.onScreen());
    for (const id of answered) await deps.ports.notifications.clear(id);
  } catch (error) {
    deps.ports.log('answered notifications could not be taken down', error);
  }
}

export async function runWake(deps: BackgroundDeps): Promise<WakeResult> {
  const { ports } = deps;
  const now = ports.now();
  const context = await loadContext(deps);
  const options = dueOptionsFor(context, deps);
  const limits = storeLimitsFor(context, deps);
  const lastCheckedAt = context.state.lastCheckedAt ? new Date(context.state.lastCheckedAt) : null;

  const before = await watchedTicketsItem.get();
  const pruned = pruneStore(before, now, limits);
  const evaluated = evaluateStore(pruned.store, context.policy.policy, now, deps);
  const plan = dueNotifications(evaluated, lastCheckedAt, now, options);

  // Record first. The update re-reads the store, so a change that landed meanwhile is kept.
  const after = await watchedTicketsItem.update((store) => markShown(pruneStore(store, now, limits).store, plan.toRecord, now));
  await backgroundStateItem.update((state) => ({ ...state, lastCheckedAt: now.toISOString() }));

  const contentContext = {
    t: ports.t,
    policy: context.policy.policy,
    directory: context.directory,
    now,
    formatTime: ports.formatTime,
  };
  await takeDownAnswered(deps, evaluated);
  const buttons = [ports.t('notifButtonMarkNotified'), ports.t('notifButtonSnooze')];
  const shown: string[] = [];
  for (const planned of plan.notifications) {
    const content = renderNotification(planned, contentContext);
    try {
      await ports.notifications.show(content.id, {
        title: content.title,
        message: content.message,
        ...(content.contextMessage ? { contextMessage: content.contextMessage } : {}),
        requireInteraction: content.requireInteraction,
        silent: !context.notifications.sound,
        buttons: ports.notifications.supportsButtons && content.canMarkNotified ? buttons : [],
      });
      shown.push(content.id);
    } catch (error) {
      ports.log(`notification ${content.id} could not be shown`, error);
    }
  }

  const badge = toolbarBadge(evaluated.map((item) => item.evaluation));
  await ports.badge.set(badge.text, badge.color, badge.text ? ports.t('badgeTooltip', [badge.text]) : ports.t('extName'));

  const withShown = evaluated
    .filter((item) => after[item.key])
    .map((item) => ({ ...item, shown: after[item.key]?.shown ?? item.shown }));
  const systems = new Set(Object.keys(deps.fetchers) as HelpdeskSystem[]);
  const refreshAt = nextRefreshAt(after, context.state.refreshBackoff, now, systems, deps.limits?.refresh ?? defaultRefreshLimits);
  const next = nextWakeAt(withShown, now, options, [refreshAt]);
  if (next) await ports.alarms.set(WAKE_ALARM, next);
  else await ports.alarms.clear(WAKE_ALARM);
  await backgroundStateItem.update((state) => ({ ...state, nextWakeAt: next ? next.toISOString() : null }));
  return { shown, nextWakeAt: next, badge: badge.text };
}

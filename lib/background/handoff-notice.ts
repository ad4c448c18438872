import { handoffNoticeAt } from '../forecast/handoff';
import { forecastSettingsItem, handoffNoticeStateItem } from '../storage/forecast-settings';
import { appendRaised, notificationLogItem } from '../storage/notification-log';
import { getEffectivePolicy } from '../storage/policy-source';
import { handoffNotification } from '../view-model/forecast-view';
import type { BackgroundDeps } from './deps';
import { forecastAnswer } from './forecast-answer';
import { viewWords } from './view-words';

/** The handoff notice's own alarm, beside the wake's: it follows the office's close, not the tickets. */
export const HANDOFF_ALARM = 'escalation-watch:handoff';
const ANNOUNCED_KEPT = 20;

export interface HandoffNoticeResult {
  /** The notification raised now, if any. */
  shown: string | null;
  /** When the next notice is due (the alarm is set for it); null: off. */
  nextAt: Date | null;
}

/**
 * The optional notice N minutes before the engineer's office closes (issue 15 item 3): when it
 * is due and not yet given for this close, record it (before showing: a restart never repeats
 * it), raise a notification naming the tickets that fall due before the office opens again, and
 * arm the alarm for the next business day's notice. Off, or no office chosen: the alarm is cleared.
 */
export async function runHandoffNotice(deps: Pick<BackgroundDeps, 'ports' | 'policyParsing'>): Promise<HandoffNoticeResult> {
  const { ports } = deps;
  const now = ports.now();
  const [settings, effective] = await Promise.all([forecastSettingsItem.get(), getEffectivePolicy(deps.policyParsing)]);
  const policy = effective.policy;
  const office = settings.myOffice;
  if (!settings.handoffNotice.enabled || office === null || !Object.hasOwn(policy.offices, office)) {
    await ports.alarms.clear(HANDOFF_ALARM);
    return { shown: null, nextAt: null };
  }
  const minutes = settings.handoffNotice.minutesBefore;
  let notice = handoffNoticeAt(policy, office, now, minutes);
  let shown: string | null = null;
  if (notice && notice.at.getTime() <= now.getTime()) {
    const key = `${office}@${notice.closesAt.toISOString()}`;
    const state = await handoffNoticeStateItem.get();
    if (!state.announced.includes(key)) {
      await handoffNoticeStateItem.set({ announced: [...state.announced, key].slice(-ANNOUNCED_KEPT) });
      shown = await showNotice(deps, office, key);
    }
    notice = handoffNoticeAt(policy, office, notice.closesAt, minutes);
  }
  if (notice) await ports.alarms.set(HANDOFF_ALARM, notice.at);
  else await ports.alarms.clear(HANDOFF_ALARM);
  return { shown, nextAt: notice?.at ?? null };
}

async function showNotice(deps: Pick<BackgroundDeps, 'ports' | 'policyParsing'>, office: string, key: string): Promise<string | null> {
  const { ports } = deps;
  const answer = await forecastAnswer(deps, {}, { kind: 'extension-page' });
  const handoff = answer.handoffs.find((candidate) => candidate.officeId === office);
  if (!handoff) return null;
  const { title, message } = handoffNotification(handoff, answer, { t: viewWords(ports).t, formatTime: ports.formatTime });
  const id = `handoff|${key}`;
  try {
    await ports.notifications.show(id, { title, message, requireInteraction: false, silent: false, buttons: [] });
  } catch (error) {
    ports.log(`handoff notice ${id} could not be shown`, error);
    return null;
  }
  await notificationLogItem
    .update((log) => appendRaised(log, [{ id, title, message, at: ports.now().toISOString() }]))
    .catch((error: unknown) => ports.log('notification log not written', error));
  return id;
}

import { getEffectivePolicy } from '../storage/policy-source';
import { generalSettingsItem, notificationSettingsItem } from '../storage/settings';
import { rolesStillToTell, toldRoles } from '../alarms/ack-timeouts';
import { acknowledgeRole, snoozeTicket } from '../storage/watched-store';
import { entryAt, type WatchedTicket } from '../storage/watched-ticket-schema';
import { watchedTicketsItem } from '../storage/watched-tickets';
import { recordOnTicket } from './acknowledge';
import { recordAcknowledgementOf } from './escalation-recording';
import type { BackgroundDeps } from './deps';
import { evaluateStore } from './evaluate-store';
import type { SerialQueue } from './serial-queue';
import { openTicketTab } from './ticket-tab';
import type { WakeResult } from './wake';

/**
 * What clicking a notification does: the body opens or focuses the ticket's tab; Chrome's
 * buttons mark everyone still to tell notified (the Escalation Director a passed acknowledgement
 * timeout added too) or snooze the ticket for 15 minutes.
 */

export const SNOOZE_FROM_NOTIFICATION_MINUTES = 15;
export const MARK_NOTIFIED_BUTTON = 0;
export const SNOOZE_BUTTON = 1;

/** Notification ids are `${system}:${id}@${origin}|kind|…`; the sleep summary's is `summary|…`. */
export function ticketKeyOfNotification(notificationId: string): string | null {
  const [first] = notificationId.split('|');
  return first && /^(zendesk|jira):.+$/.test(first) ? first : null;
}

interface ActionRuntime {
  deps: BackgroundDeps;
  queue: SerialQueue;
  requestWake: () => Promise<WakeResult>;
}

async function entryFor(notificationId: string): Promise<{ key: string; entry: WatchedTicket } | null> {
  const key = ticketKeyOfNotification(notificationId);
  if (!key) return null;
  const entry = entryAt(await watchedTicketsItem.get(), key);
  return entry ? { key, entry } : null;
}

export async function onNotificationClicked(runtime: ActionRuntime, notificationId: string): Promise<void> {
  const { ports } = runtime.deps;
  const found = await entryFor(notificationId);
  if (found) await openTicketTab(ports, found.entry.ticket.url, { system: found.entry.ticket.system, id: found.entry.ticket.id });
  // The handoff notice opens the forecast page, where the handoff can be read and copied.
  else if (notificationId.startsWith('handoff|')) await ports.tabs.open(`${ports.extension.baseUrl}forecast.html`);
  await ports.notifications.clear(notificationId);
}

export async function onNotificationButtonClicked(runtime: ActionRuntime, notificationId: string, buttonIndex: number): Promise<void> {
  const { deps, queue } = runtime;
  const { ports } = deps;
  const found = await entryFor(notificationId);
  await ports.notifications.clear(notificationId);
  if (!found) return;
  const { key, entry } = found;
  const now = ports.now();
  if (buttonIndex === SNOOZE_BUTTON) {
    const until = new Date(now.getTime() + SNOOZE_FROM_NOTIFICATION_MINUTES * 60_000);
    await queue.run(() => watchedTicketsItem.update((s) => snoozeTicket(s, key, until)));
  } else if (buttonIndex === MARK_NOTIFIED_BUTTON) {
    const [policy, general, notifications] = await Promise.all([
      getEffectivePolicy(deps.policyParsing),
      generalSettingsItem.get(),
      notificationSettingsItem.get(),
    ]);
    const evaluated = evaluateStore({ [key]: entry }, policy.policy, now, deps)[0];
    const evaluation = evaluated?.evaluation;
    const ticket = { system: entry.ticket.system, id: entry.ticket.id };
    // Everyone still to tell: the levels' pending roles and the Escalation Director a passed timeout added.
    const roles = evaluated
      ? rolesStillToTell(evaluated.evaluation, notifications.ackTimeoutMinutes, now, toldRoles(evaluated.ticket, entry.acknowledged))
      : [];
    for (const role of roles) {
      // A notification cannot ask, so only "always" writes the note from here.
      const error =
        general.ackNoteMode === 'always'
          ? await recordOnTicket(ports, { ticket, entry, role, policy: policy.policy, currentLevel: evaluation?.level ?? 1, at: now })
          : 'not requested';
      if (general.ackNoteMode === 'always' && error) ports.log(`note for ${key} ${role} not written: ${error}`);
      await queue.run(() => watchedTicketsItem.update((s) => acknowledgeRole(s, key, role, error === null ? 'ticket' : 'local', now)));
      // Answered on the notification itself: an acknowledgement "by reply", as on-call tools call it.
      await recordAcknowledgementOf(deps, key, entry, { role, at: now, how: 'reply', noteWritten: error === null });
    }
  }
  await runtime.requestWake();
}

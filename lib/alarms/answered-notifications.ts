import type { AlarmTicket } from './alarm-events';
import { type AckTimeoutMinutes, rolesStillToTell, toldRoles } from './ack-timeouts';

/**
 * Notifications still on screen that ask the engineer to tell people nobody is left to tell: a
 * level start, a reminder or a re-notification (acknowledgement timeout) of a ticket whose roles are all acknowledged since (in the page, the
 * popup, or by a colleague's note on the ticket). Sev 1 notifications stay until dismissed, so
 * without this one would keep saying "Notify now: Sales Rep" after the Sales Rep was told. Pure.
 *
 * Only tickets in `tickets` are judged: a notification of a ticket no longer watched, a warning,
 * an update due or a sleep summary is left alone.
 */
export type AnsweredTimeouts = { ackTimeouts: AckTimeoutMinutes | undefined; now: Date };

/** Whether nobody is left to tell on this ticket (with timeouts, the Escalation Director a passed one added counts as still to tell). */
export function nobodyLeftToTell(item: AlarmTicket, timeouts?: AnsweredTimeouts): boolean {
  return timeouts
    ? rolesStillToTell(item.evaluation, timeouts.ackTimeouts, timeouts.now, toldRoles(item.ticket, item.acknowledged ?? {})).length === 0
    : item.evaluation.pending.length === 0;
}

/** The notifications on screen that ask to tell people on a ticket in `settled` (nobody left to tell). */
export function answeredAmong(settled: ReadonlySet<string>, onScreen: readonly string[]): string[] {
  return onScreen.filter((id) => {
    // Ids are `${ticketKey}|${kind}|…` (alarm-events.ts); ticket keys contain no '|'.
    const [ticketKey, kind] = id.split('|');
    return ticketKey !== undefined && settled.has(ticketKey) && (kind === 'level' || kind === 'reminder' || kind === 'ack-timeout');
  });
}

export function answeredNotifications(
  tickets: readonly AlarmTicket[],
  onScreen: readonly string[],
  /** With them, the Escalation Director a passed timeout added counts as still to tell (lib/alarms/ack-timeouts.ts). */
  timeouts?: AnsweredTimeouts,
): string[] {
  return answeredAmong(new Set(tickets.filter((item) => nobodyLeftToTell(item, timeouts)).map((item) => item.key)), onScreen);
}

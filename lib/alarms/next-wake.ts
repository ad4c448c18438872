import { type AlarmTicket, ticketAlarmEvents } from './alarm-events';
import { type DueOptions, dueEventsOf, isHeld } from './due-notifications';
import { quietHoursEnd } from './quiet-hours';

/**
 * The single instant the background should next wake: the earliest future event of any ticket,
 * the end of a snooze or of quiet hours that hold something due, or an extra instant the caller
 * needs (the next background refresh). Null when nothing is ahead. Pure.
 */
/** When an event due at `at` can actually be shown: after any snooze or quiet hours holding it then. */
function releasedAt(ticket: AlarmTicket, at: Date, options: DueOptions): Date {
  let when = at;
  // A snooze can end inside quiet hours and quiet hours inside a snooze: a few rounds settle it.
  for (let round = 0; round < 4 && isHeld(ticket, when, options); round++) {
    const snoozeEnd = ticket.snoozedUntil ? Date.parse(ticket.snoozedUntil) : Number.NaN;
    if (snoozeEnd > when.getTime()) when = new Date(snoozeEnd);
    else when = quietHoursEnd(options.quietHours, when, options.timeZone) ?? when;
  }
  return when;
}

export function upcomingInstants(tickets: readonly AlarmTicket[], now: Date, options: DueOptions): Date[] {
  const nowMs = now.getTime();
  const instants: Date[] = [];
  for (const ticket of tickets) {
    for (const event of ticketAlarmEvents(ticket, options)) {
      if (event.at.getTime() > nowMs && !(event.key in ticket.shown)) instants.push(releasedAt(ticket, event.at, options));
    }
    if (dueEventsOf(ticket, now, options).length > 0 && isHeld(ticket, now, options)) {
      if (ticket.snoozedUntil && Date.parse(ticket.snoozedUntil) > nowMs) instants.push(new Date(ticket.snoozedUntil));
      const quietEnd = quietHoursEnd(options.quietHours, now, options.timeZone);
      if (quietEnd) instants.push(quietEnd);
    }
  }
  return instants.sort((a, b) => a.getTime() - b.getTime());
}

export function nextWakeAt(
  tickets: readonly AlarmTicket[],
  now: Date,
  options: DueOptions,
  extra: ReadonlyArray<Date | null> = [],
): Date | null {
  const nowMs = now.getTime();
  const candidates = [...upcomingInstants(tickets, now, options), ...extra.filter((d): d is Date => d !== null && d.getTime() > nowMs)];
  return candidates.reduce<Date | null>((earliest, d) => (earliest === null || d.getTime() < earliest.getTime() ? d : earliest), null);
}

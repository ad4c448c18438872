import { calendarFor } from '../calendar/office-calendar';
import type { Policy } from '../policy/schema';
import type { ForecastEvent } from './forecast';
import { currentOrNextBusinessDay, firstOfficeOpeningAt, officesOpenAt, reopeningAfter } from './office-day';

/**
 * Follow-the-sun handoff (issue 15 item 3): before an office's business day ends, what its
 * tickets will need before it opens again, and which office is open when each thing falls due.
 * Pure: the forecast events and `now` are arguments (the background makes the forecast).
 */

/** Who is open when a deadline falls: the offices open then, else the first to open after it. */
export interface Coverage {
  /** Offices open at the instant, in the policy's order; may include the ticket's own office. */
  openOfficeIds: string[];
  /** When none is open: the office that opens first after the instant, and when. */
  nextOpening: { officeId: string; at: Date } | null;
}

export interface HandoffDue {
  event: ForecastEvent;
  coverage: Coverage;
}

export interface HandoffTicket {
  system: ForecastEvent['system'];
  ticketId: string;
  title: string;
  url: string;
  /** The ticket's next deadline (its first event after now). */
  nextDueAt: Date;
  /** Every forecast event of the ticket before the office opens again, in order. */
  due: HandoffDue[];
}

export interface Handoff {
  officeId: string;
  /** The local date of the business day whose close this is about. */
  date: string;
  closesAt: Date;
  /** Null when the office never opens again (no hours at all). */
  reopensAt: Date | null;
  /** Open now (the day in progress), or the summary is for the next business day. */
  openNow: boolean;
  /** Tickets of this office whose next deadline falls before it opens again, soonest first. */
  tickets: HandoffTicket[];
}

export function coverageAt(policy: Policy, at: Date): Coverage {
  const ms = at.getTime();
  const openOfficeIds = officesOpenAt(policy, ms);
  if (openOfficeIds.length > 0) return { openOfficeIds, nextOpening: null };
  const next = firstOfficeOpeningAt(policy, ms);
  return { openOfficeIds, nextOpening: next ? { officeId: next.officeId, at: new Date(next.at) } : null };
}

/**
 * The handoff of `officeId` at `now`: the business day in progress (or, when closed, the next
 * one), its close and the office's next opening after it (holidays skipped, make-up workdays
 * counted), and every ticket of the office whose next deadline in `events` falls before that
 * reopening, with each of its events until then and who is open at each.
 *
 * `events` must cover (now, reopening]: see `handoffHorizon`. Null when the office is never open.
 */
export function handoffFor(policy: Policy, officeId: string, events: readonly ForecastEvent[], now: Date): Handoff | null {
  const cal = calendarFor(policy, officeId);
  const nowMs = now.getTime();
  const day = currentOrNextBusinessDay(cal, nowMs);
  if (!day) return null;
  const reopenMs = reopeningAfter(cal, day.closeMs);
  const limitMs = reopenMs ?? Number.POSITIVE_INFINITY;
  const byTicket = new Map<string, HandoffTicket>();
  for (const event of events) {
    const at = event.at.getTime();
    if (event.officeId !== cal.id || at <= nowMs || at >= limitMs) continue;
    const key = `${event.system}:${event.ticketId}@${event.url}`;
    let ticket = byTicket.get(key);
    if (!ticket) {
      ticket = { system: event.system, ticketId: event.ticketId, title: event.title, url: event.url, nextDueAt: event.at, due: [] };
      byTicket.set(key, ticket);
    }
    if (at < ticket.nextDueAt.getTime()) ticket.nextDueAt = event.at;
    ticket.due.push({ event, coverage: coverageAt(policy, event.at) });
  }
  const tickets = [...byTicket.values()].sort((a, b) => a.nextDueAt.getTime() - b.nextDueAt.getTime());
  for (const ticket of tickets) ticket.due.sort((a, b) => a.event.at.getTime() - b.event.at.getTime());
  return {
    officeId: cal.id,
    date: day.date,
    closesAt: new Date(day.closeMs),
    reopensAt: reopenMs === null ? null : new Date(reopenMs),
    openNow: day.openMs <= nowMs,
    tickets,
  };
}

/**
 * How far the forecast must look for the handoffs of `officeIds` at `now`: to the latest of
 * their reopenings (a long holiday reaches days ahead), and at least to `atLeast`.
 */
export function handoffHorizon(policy: Policy, officeIds: readonly string[], now: Date, atLeast: Date): Date {
  let horizon = atLeast.getTime();
  for (const id of officeIds) {
    const cal = calendarFor(policy, id);
    const day = currentOrNextBusinessDay(cal, now.getTime());
    const reopen = day ? reopeningAfter(cal, day.closeMs) : null;
    if (reopen !== null && reopen > horizon) horizon = reopen;
  }
  return new Date(horizon);
}

/**
 * When the handoff notice for `officeId` is due: `minutesBefore` before the close of its
 * business day in progress or next (never before that day opens). An instant already past means
 * the notice is due now: the close itself is still ahead. Null when the office is never open.
 */
export function handoffNoticeAt(policy: Policy, officeId: string, now: Date, minutesBefore: number): { at: Date; closesAt: Date } | null {
  const cal = calendarFor(policy, officeId);
  const day = currentOrNextBusinessDay(cal, now.getTime());
  if (!day) return null;
  return { at: new Date(Math.max(day.closeMs - minutesBefore * 60_000, day.openMs)), closesAt: new Date(day.closeMs) };
}

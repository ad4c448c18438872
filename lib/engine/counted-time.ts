import { addBusinessTime, businessTimeBetween, endOfNthBusinessDay, type OfficeCalendar } from '../calendar';
import { BUSINESS_DAYS, WALL, type Target } from './compiled-policy';

/**
 * Clocks that stop while the ticket is paused (SPEC §2). Results are epoch ms, or NaN for
 * "unknown": a deadline not reached before a pause that is still going on (the future is
 * assumed to stay in the current status), or one a calendar without hours never reaches.
 */

export const UNKNOWN = Number.NaN;

/**
 * Time counted from one start with pauses left out. The clock runs in spans between pauses;
 * the business time of each span is asked of the calendar once and shared by every deadline
 * measured from this start (a Sev 3 has five), which keeps the calendar calls few.
 */
export class CountedClock {
  /** Running spans as a flat list [from0, to0, from1, to1, …]; the last `to` is +Infinity when the clock runs on. */
  private readonly spans: number[] = [];
  /** Business time of each span, filled on first need. */
  private readonly spanBusiness: number[] = [];

  /**
   * @param pauses flat sorted list [start0, end0, …] from readHistoryAt; an end of +Infinity is
   *   a pause still in progress.
   */
  constructor(
    private readonly cal: OfficeCalendar,
    readonly startMs: number,
    pauses: readonly number[],
  ) {
    let cursor = startMs;
    for (let i = 0; i < pauses.length; i += 2) {
      const pauseStart = pauses[i]!;
      const pauseEnd = pauses[i + 1]!;
      if (pauseEnd <= cursor) continue;
      if (pauseStart > cursor) this.spans.push(cursor, pauseStart);
      cursor = pauseEnd;
    }
    if (cursor !== Number.POSITIVE_INFINITY) this.spans.push(cursor, Number.POSITIVE_INFINITY);
  }

  /** The earliest instant at which the counted time reaches `target`; NaN when unknown. */
  deadline(target: Target): number {
    let deadline: number;
    if (target.kind === WALL) deadline = this.wallDeadline(target.amount);
    else if (target.kind === BUSINESS_DAYS) deadline = this.businessDaysDeadline(target.amount);
    else deadline = this.businessDeadline(target.amount);
    return Number.isFinite(deadline) ? deadline : UNKNOWN;
  }

  /** Time counted in [start, untilMs): wall time, or the calendar's business time. */
  countedUntil(kind: 'wall' | 'business', untilMs: number): number {
    const spans = this.spans;
    let total = 0;
    for (let i = 0; i < spans.length; i += 2) {
      const from = spans[i]!;
      if (from >= untilMs) break;
      const to = spans[i + 1]!;
      if (kind === 'wall') total += (to < untilMs ? to : untilMs) - from;
      else total += to <= untilMs ? this.businessOfSpan(i) : businessTimeBetween(this.cal, from, untilMs);
    }
    return total;
  }

  private wallDeadline(sizeMs: number): number {
    const spans = this.spans;
    let remaining = sizeMs;
    for (let i = 0; i < spans.length; i += 2) {
      const from = spans[i]!;
      const length = spans[i + 1]! - from;
      if (length >= remaining) return from + remaining;
      remaining -= length;
    }
    return UNKNOWN;
  }

  private businessDeadline(sizeMs: number): number {
    const spans = this.spans;
    let remaining = sizeMs;
    for (let i = 0; i < spans.length; i += 2) {
      const from = spans[i]!;
      if (spans[i + 1] === Number.POSITIVE_INFINITY) return addBusinessTime(this.cal, from, remaining);
      const running = this.businessOfSpan(i);
      if (running >= remaining) return addBusinessTime(this.cal, from, remaining);
      remaining -= running;
    }
    return UNKNOWN;
  }

  /**
   * n business days: due at EOD of the n-th business day after the start's local date; a pause
   * pushes it by the business time the pause took (its size is the business time from the start
   * to that EOD).
   */
  private businessDaysDeadline(days: number): number {
    const endOfDay = endOfNthBusinessDay(this.cal, this.startMs, days);
    const spans = this.spans;
    // Running without a break from the start past the EOD: the EOD itself.
    if (spans[0] === this.startMs && spans[1]! >= endOfDay) return endOfDay;
    return this.businessDeadline(businessTimeBetween(this.cal, this.startMs, endOfDay));
  }

  private businessOfSpan(index: number): number {
    let business = this.spanBusiness[index];
    if (business === undefined) {
      business = businessTimeBetween(this.cal, this.spans[index]!, this.spans[index + 1]!);
      this.spanBusiness[index] = business;
    }
    return business;
  }
}

/**
 * When the warning before `deadlineMs` opens: the earliest instant from which at most
 * `warnBefore` remains, in the warnBefore's own kind of time. `anchorMs` (the start of the
 * deadline's clock) bounds the search; business-day warnings count `businessDayMs` per day.
 */
export function warnStartOf(
  cal: OfficeCalendar,
  warnBefore: Target,
  deadlineMs: number,
  anchorMs: number,
  businessDayMs: number,
): number {
  if (warnBefore.kind === WALL) return deadlineMs - warnBefore.amount;
  const windowMs = warnBefore.kind === BUSINESS_DAYS ? warnBefore.amount * businessDayMs : warnBefore.amount;
  const beforeWindow = businessTimeBetween(cal, anchorMs, deadlineMs) - windowMs;
  return beforeWindow <= 0 ? anchorMs : addBusinessTime(cal, anchorMs, beforeWindow);
}

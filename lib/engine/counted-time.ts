import { addBusinessTime, businessTimeBetween, endOfNthBusinessDay, type OfficeCalendar } from '../calendar';
import { BUSINESS_DAYS, BUSINESS_TIME, WALL, type Target } from './compiled-policy';

/**
 * Clocks that stop while the ticket is paused (SPEC §2). `pauses` is the flat sorted list
 * [start0, end0, …] from readHistoryAt; an end of +Infinity is a pause still in progress, which
 * the future is assumed to continue. Results are epoch ms, or NaN for "unknown": a deadline not
 * reached before a pause that is still going on, or one a calendar without hours never reaches.
 */

export const UNKNOWN = Number.NaN;

/** The earliest instant at which time counted from `startMs` (pauses excluded) reaches `target`. */
export function deadlineOf(cal: OfficeCalendar, target: Target, startMs: number, pauses: readonly number[]): number {
  let deadline: number;
  if (target.kind === WALL) deadline = wallDeadline(startMs, target.amount, pauses);
  else if (target.kind === BUSINESS_TIME) deadline = businessDeadline(cal, startMs, target.amount, pauses);
  else deadline = businessDaysDeadline(cal, startMs, target.amount, pauses);
  return Number.isFinite(deadline) ? deadline : UNKNOWN;
}

function wallDeadline(startMs: number, sizeMs: number, pauses: readonly number[]): number {
  let cursor = startMs;
  let remaining = sizeMs;
  for (let i = 0; i < pauses.length; i += 2) {
    const pauseStart = pauses[i]!;
    const pauseEnd = pauses[i + 1]!;
    if (pauseEnd <= cursor) continue;
    if (pauseStart > cursor) {
      const running = pauseStart - cursor;
      if (running >= remaining) return cursor + remaining;
      remaining -= running;
    }
    if (pauseEnd === Number.POSITIVE_INFINITY) return UNKNOWN;
    cursor = pauseEnd;
  }
  return cursor + remaining;
}

function businessDeadline(cal: OfficeCalendar, startMs: number, sizeMs: number, pauses: readonly number[]): number {
  let cursor = startMs;
  let remaining = sizeMs;
  for (let i = 0; i < pauses.length; i += 2) {
    const pauseStart = pauses[i]!;
    const pauseEnd = pauses[i + 1]!;
    if (pauseEnd <= cursor) continue;
    if (pauseStart > cursor) {
      const running = businessTimeBetween(cal, cursor, pauseStart);
      if (running >= remaining) return addBusinessTime(cal, cursor, remaining);
      remaining -= running;
    }
    if (pauseEnd === Number.POSITIVE_INFINITY) return UNKNOWN;
    cursor = pauseEnd;
  }
  return addBusinessTime(cal, cursor, remaining);
}

/**
 * n business days: due at EOD of the n-th business day after the start's local date; paused
 * time pushes it by the business time the pause took (its size is the business time from the
 * start to that EOD).
 */
function businessDaysDeadline(cal: OfficeCalendar, startMs: number, days: number, pauses: readonly number[]): number {
  const endOfDay = endOfNthBusinessDay(cal, startMs, days);
  if (!overlapsAnyPause(pauses, startMs, endOfDay)) return endOfDay;
  return businessDeadline(cal, startMs, businessTimeBetween(cal, startMs, endOfDay), pauses);
}

function overlapsAnyPause(pauses: readonly number[], fromMs: number, toMs: number): boolean {
  for (let i = 0; i < pauses.length; i += 2) {
    if (pauses[i + 1]! > fromMs && pauses[i]! < toMs) return true;
  }
  return false;
}

/** Time counted in [startMs, untilMs) with pauses excluded: wall time, or the calendar's business time. */
export function countedBetween(
  cal: OfficeCalendar,
  kind: 'wall' | 'business',
  startMs: number,
  untilMs: number,
  pauses: readonly number[],
): number {
  if (!(untilMs > startMs)) return 0;
  let total = kind === 'wall' ? untilMs - startMs : businessTimeBetween(cal, startMs, untilMs);
  for (let i = 0; i < pauses.length; i += 2) {
    const from = Math.max(pauses[i]!, startMs);
    const to = Math.min(pauses[i + 1]!, untilMs);
    if (to <= from) continue;
    total -= kind === 'wall' ? to - from : businessTimeBetween(cal, from, to);
  }
  return total;
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

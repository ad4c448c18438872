import { dayNumberFromIso, isoFromDayNumber } from './civil-date';
import type { OfficeCalendar } from './office-calendar';

/**
 * Business-time arithmetic over an office calendar (SPEC §2). Every function walks whole local
 * days through the calendar's cached day table, so its cost grows with the number of days
 * spanned, never with minutes, and allocates nothing once the days are cached.
 *
 * Day-walk bounds: a business interval of local day d lies between the first instants at which
 * the wall clock reads d 00:00 and (d+1) 00:00, so no day before localDayOf(from) can reach past
 * `from`. Clocks going back across midnight can let day localDayOf(to) + 1 open before `to`,
 * hence the one extra day in businessTimeBetween.
 */

/** 'YYYY-MM-DD' of instant `atMs` in the office's zone. */
export function localDateOf(cal: OfficeCalendar, atMs: number): string {
  return isoFromDayNumber(cal.localDayOf(atMs));
}

/** Whether the local date has business hours: a scheduled weekday that is not a holiday, or an extra working day. */
export function isBusinessDay(cal: OfficeCalendar, isoDate: string): boolean {
  return cal.isBusinessDayNumber(dayNumberFromIso(isoDate));
}

/** [opening, closing) instants of a business day, or null when the office is closed that date. */
export function businessIntervalOf(cal: OfficeCalendar, isoDate: string): [openMs: number, closeMs: number] | null {
  const day = dayNumberFromIso(isoDate);
  return cal.isBusinessDayNumber(day) ? [cal.openOf(day), cal.closeOf(day)] : null;
}

/** Milliseconds of [fromMs, toMs) that fall inside business hours; 0 when toMs <= fromMs. */
export function businessTimeBetween(cal: OfficeCalendar, fromMs: number, toMs: number): number {
  if (!(toMs > fromMs)) return 0;
  assertFinite('fromMs', fromMs);
  if (!cal.everOpen) return 0;
  if (toMs === Number.POSITIVE_INFINITY) return Number.POSITIVE_INFINITY;
  const lastDay = cal.localDayOf(toMs) + 1;
  let total = 0;
  for (let day = cal.localDayOf(fromMs); day <= lastDay; day++) {
    if (!cal.isBusinessDayNumber(day)) continue;
    const open = cal.openOf(day);
    const close = cal.closeOf(day);
    const start = open > fromMs ? open : fromMs;
    const end = close < toMs ? close : toMs;
    if (end > start) total += end - start;
  }
  return total;
}

/**
 * The earliest instant t >= fromMs with businessTimeBetween(fromMs, t) >= amountMs. An amount
 * that runs out exactly at a closing time returns that closing instant (not the next opening);
 * an amount <= 0 returns fromMs. Returns Number.POSITIVE_INFINITY when the calendar has no
 * hours on any weekday and so can never accumulate the amount.
 */
export function addBusinessTime(cal: OfficeCalendar, fromMs: number, amountMs: number): number {
  assertFinite('fromMs', fromMs);
  if (Number.isNaN(amountMs)) throw new RangeError('amountMs must be a number');
  if (amountMs <= 0) return fromMs;
  if (!cal.everOpen || amountMs === Number.POSITIVE_INFINITY) return Number.POSITIVE_INFINITY;
  let remaining = amountMs;
  // Terminates: a calendar with weekly hours opens every week, and holidays are a finite list.
  for (let day = cal.localDayOf(fromMs); ; day++) {
    if (!cal.isBusinessDayNumber(day)) continue;
    const close = cal.closeOf(day);
    if (close <= fromMs) continue;
    const open = cal.openOf(day);
    const start = open > fromMs ? open : fromMs;
    const available = close - start;
    if (available >= remaining) return start + remaining;
    remaining -= available;
  }
}

/**
 * EOD (closing instant) of the n-th business day strictly after the local date of fromMs:
 * opened Monday 10:00, n = 1 → Tuesday 18:00. `n` must be a positive integer. Returns
 * Number.POSITIVE_INFINITY when the calendar has no hours on any weekday.
 */
export function endOfNthBusinessDay(cal: OfficeCalendar, fromMs: number, n: number): number {
  assertFinite('fromMs', fromMs);
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`n must be a positive whole number of business days, got ${n}`);
  if (!cal.everOpen) return Number.POSITIVE_INFINITY;
  let counted = 0;
  for (let day = cal.localDayOf(fromMs) + 1; ; day++) {
    if (cal.isBusinessDayNumber(day) && ++counted === n) return cal.closeOf(day);
  }
}

/** Whether business time is accruing at instant atMs (inside [open, close) of a business day). */
export function isOpenAt(cal: OfficeCalendar, atMs: number): boolean {
  const day = cal.localDayOf(atMs);
  return isInsideDay(cal, day, atMs) || isInsideDay(cal, day + 1, atMs);
}

/**
 * The earliest instant >= atMs at which business time accrues: atMs itself when the office is
 * open, else the next opening. Number.POSITIVE_INFINITY when the calendar is never open.
 */
export function nextOpeningAt(cal: OfficeCalendar, atMs: number): number {
  assertFinite('atMs', atMs);
  if (!cal.everOpen) return Number.POSITIVE_INFINITY;
  for (let day = cal.localDayOf(atMs); ; day++) {
    if (!cal.isBusinessDayNumber(day)) continue;
    const open = cal.openOf(day);
    const close = cal.closeOf(day);
    if (close > atMs && close > open) return open > atMs ? open : atMs;
  }
}

function isInsideDay(cal: OfficeCalendar, day: number, atMs: number): boolean {
  return cal.isBusinessDayNumber(day) && cal.openOf(day) <= atMs && atMs < cal.closeOf(day);
}

function assertFinite(name: string, value: number): void {
  if (!Number.isFinite(value)) throw new RangeError(`${name} must be a finite instant in ms, got ${value}`);
}

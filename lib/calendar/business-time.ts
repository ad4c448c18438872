import { dayNumberFromIso, isoFromDayNumber } from './civil-date';
import { DAY_CHUNK_MASK, DAY_CHUNK_SIZE } from './day-chunks';
import type { DayTable } from './day-table';
import type { OfficeCalendar } from './office-calendar';

/**
 * Business-time arithmetic over an office calendar (SPEC §2). Work is done per local day and,
 * over long spans, per 64-day chunk through running totals — never per minute — and nothing is
 * allocated once the calendar's tables cover the days involved.
 *
 * Which days can touch an instant: the business hours of local day d lie between the first
 * instants at which the wall clock reads d 00:00 and (d+1) 00:00. So no day before
 * localDayOf(t) reaches past t, and every day from localDayOf(t) + 2 on starts after t. Only
 * day localDayOf(t) + 1 may open before t, when clocks step back across midnight (America/
 * St_Johns until 2006) — hence the extra day each walk looks at.
 */

/** 'YYYY-MM-DD' of instant `atMs` in the office's zone. */
export function localDateOf(cal: OfficeCalendar, atMs: number): string {
  return isoFromDayNumber(cal.localDayOf(atMs));
}

/**
 * The office wall clock's reading at `atMs` as ms since 1970-01-01T00:00 local — for building
 * local times without Date or Intl: day number = Math.floor(wall / 86_400_000) (see civil-date
 * for its ISO date and weekday), minute of day = Math.floor((wall mod 86_400_000) / 60_000).
 */
export function localWallTimeOf(cal: OfficeCalendar, atMs: number): number {
  return cal.wallTimeOf(atMs);
}

/** Whether the local date has business hours: a scheduled weekday that is not a holiday, or an extra working day. */
export function isBusinessDay(cal: OfficeCalendar, isoDate: string): boolean {
  const day = dayNumberFromIso(isoDate);
  return cal.days.chunkAt(day).isOpen[day & DAY_CHUNK_MASK] === 1;
}

/** [opening, closing) instants of a business day, or null when the office is closed that date. */
export function businessIntervalOf(cal: OfficeCalendar, isoDate: string): [openMs: number, closeMs: number] | null {
  const day = dayNumberFromIso(isoDate);
  const chunk = cal.days.chunkAt(day);
  const slot = day & DAY_CHUNK_MASK;
  return chunk.isOpen[slot] === 1 ? [chunk.open[slot]!, chunk.close[slot]!] : null;
}

/** Milliseconds of [fromMs, toMs) that fall inside business hours; 0 when toMs <= fromMs. */
export function businessTimeBetween(cal: OfficeCalendar, fromMs: number, toMs: number): number {
  if (!(toMs > fromMs)) return 0;
  assertFinite('fromMs', fromMs);
  if (!cal.everOpen) return 0;
  if (toMs === Number.POSITIVE_INFINITY) return Number.POSITIVE_INFINITY;
  const days = cal.days;
  const firstDay = cal.localDayOf(fromMs);
  const lastDay = cal.localDayOf(toMs) + 1;
  if (lastDay - firstDay < 6) return clippedBusinessTime(days, firstDay, lastDay, fromMs, toMs);
  // Days firstDay + 2 … lastDay − 3 lie wholly inside [fromMs, toMs): take their running totals.
  return (
    clippedBusinessTime(days, firstDay, firstDay + 1, fromMs, toMs) +
    wholeDaysBusinessTime(days, firstDay + 2, lastDay - 3) +
    clippedBusinessTime(days, lastDay - 2, lastDay, fromMs, toMs)
  );
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
  const days = cal.days;
  let remaining = amountMs;
  let day = cal.localDayOf(fromMs);
  // The first two days may hold fromMs or open before it.
  for (const end = day + 2; day < end; day++) {
    const chunk = days.chunkAt(day);
    const slot = day & DAY_CHUNK_MASK;
    if (chunk.isOpen[slot] === 0) continue;
    const close = chunk.close[slot]!;
    if (close <= fromMs) continue;
    const open = chunk.open[slot]!;
    const start = open > fromMs ? open : fromMs;
    if (close - start >= remaining) return start + remaining;
    remaining -= close - start;
  }
  // Every later day lies wholly after fromMs. Terminates: a calendar with weekly hours opens
  // every week, and holidays are a finite list.
  for (;;) {
    const chunk = days.chunkAt(day);
    let slot = day & DAY_CHUNK_MASK;
    const restOfChunk = chunk.businessMsBefore[DAY_CHUNK_SIZE]! - chunk.businessMsBefore[slot]!;
    if (restOfChunk < remaining) {
      remaining -= restOfChunk;
      day += DAY_CHUNK_SIZE - slot;
      continue;
    }
    for (; ; slot++) {
      if (chunk.isOpen[slot] === 0) continue;
      const open = chunk.open[slot]!;
      const length = chunk.close[slot]! - open;
      if (length >= remaining) return open + remaining;
      remaining -= length;
    }
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
  const days = cal.days;
  let remaining = n;
  let day = cal.localDayOf(fromMs) + 1;
  for (;;) {
    const chunk = days.chunkAt(day);
    let slot = day & DAY_CHUNK_MASK;
    const restOfChunk = chunk.businessDaysBefore[DAY_CHUNK_SIZE]! - chunk.businessDaysBefore[slot]!;
    if (restOfChunk < remaining) {
      remaining -= restOfChunk;
      day += DAY_CHUNK_SIZE - slot;
      continue;
    }
    for (; ; slot++) {
      if (chunk.isOpen[slot] === 1 && --remaining === 0) return chunk.close[slot]!;
    }
  }
}

/** Whether business time is accruing at instant atMs (inside [open, close) of a business day). */
export function isOpenAt(cal: OfficeCalendar, atMs: number): boolean {
  const day = cal.localDayOf(atMs);
  return clippedBusinessTime(cal.days, day, day + 1, atMs, atMs + 1) > 0;
}

/**
 * The earliest instant >= atMs at which business time accrues: atMs itself when the office is
 * open, else the next opening. Number.POSITIVE_INFINITY when the calendar is never open.
 */
export function nextOpeningAt(cal: OfficeCalendar, atMs: number): number {
  assertFinite('atMs', atMs);
  if (!cal.everOpen) return Number.POSITIVE_INFINITY;
  const days = cal.days;
  for (let day = cal.localDayOf(atMs); ; day++) {
    const chunk = days.chunkAt(day);
    const slot = day & DAY_CHUNK_MASK;
    if (chunk.isOpen[slot] === 0) continue;
    const open = chunk.open[slot]!;
    const close = chunk.close[slot]!;
    if (close > atMs && close > open) return open > atMs ? open : atMs;
  }
}

/** Business ms of days firstDay … lastDay (inclusive) that fall inside [fromMs, toMs). */
function clippedBusinessTime(days: DayTable, firstDay: number, lastDay: number, fromMs: number, toMs: number): number {
  let total = 0;
  for (let day = firstDay; day <= lastDay; day++) {
    const chunk = days.chunkAt(day);
    const slot = day & DAY_CHUNK_MASK;
    if (chunk.isOpen[slot] === 0) continue;
    const open = chunk.open[slot]!;
    const close = chunk.close[slot]!;
    const start = open > fromMs ? open : fromMs;
    const end = close < toMs ? close : toMs;
    if (end > start) total += end - start;
  }
  return total;
}

/** Business ms of whole days firstDay … lastDay (inclusive), from the chunks' running totals. */
function wholeDaysBusinessTime(days: DayTable, firstDay: number, lastDay: number): number {
  let total = 0;
  for (let day = firstDay; day <= lastDay; ) {
    const chunk = days.chunkAt(day);
    const slot = day & DAY_CHUNK_MASK;
    const endSlot = Math.min(DAY_CHUNK_MASK, slot + (lastDay - day));
    total += chunk.businessMsBefore[endSlot + 1]! - chunk.businessMsBefore[slot]!;
    day += endSlot - slot + 1;
  }
  return total;
}

function assertFinite(name: string, value: number): void {
  if (!Number.isFinite(value)) throw new RangeError(`${name} must be a finite instant in ms, got ${value}`);
}

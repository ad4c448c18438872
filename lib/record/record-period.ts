import { TZDate } from '@date-fns/tz';
import { addDays, format } from 'date-fns';
import type { RecordPeriod } from './record-rows';

/**
 * The export period as the engineer picks it — from and to dates, both whole days, in their own
 * time zone — as instants. Pure: the zone and "now" come in.
 */

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** 'YYYY-MM-DD' of an instant in a zone. */
export function localDateOf(at: Date, timeZone: string): string {
  return format(new TZDate(at.getTime(), timeZone), 'yyyy-MM-dd');
}

function startOfLocalDate(date: string, timeZone: string): Date | null {
  const match = DATE.exec(date);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const local = new TZDate(year, month - 1, day, 0, 0, timeZone);
  // new TZDate rolls 2026-02-30 over to March: such a date is not a date.
  if (local.getFullYear() !== year || local.getMonth() !== month - 1 || local.getDate() !== day) return null;
  return new Date(local.getTime());
}

export type PeriodProblem = 'from' | 'to' | 'order';

/** From the start of `from` to the end of `to` (the start of the day after), or what is wrong. */
export function periodOfDates(from: string, to: string, timeZone: string): RecordPeriod | { problem: PeriodProblem } {
  const start = startOfLocalDate(from, timeZone);
  if (!start) return { problem: 'from' };
  const lastDay = startOfLocalDate(to, timeZone);
  if (!lastDay) return { problem: 'to' };
  if (lastDay.getTime() < start.getTime()) return { problem: 'order' };
  const [y, m, d] = to.split('-').map(Number) as [number, number, number];
  const dayAfter = addDays(new TZDate(y, m - 1, d, 0, 0, timeZone), 1);
  return { from: start, to: new Date(dayAfter.getTime()) };
}

/** The last `days` days up to today, as dates in the zone (the export's default period). */
export function lastDaysDates(now: Date, days: number, timeZone: string): { from: string; to: string } {
  const today = new TZDate(now.getTime(), timeZone);
  return { from: format(addDays(today, -(days - 1)), 'yyyy-MM-dd'), to: format(today, 'yyyy-MM-dd') };
}

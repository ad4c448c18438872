import { TZDate } from '@date-fns/tz';
import { weekdayKeys, type OfficePolicy, type WeekdayKey } from '../../lib/policy/schema';
import { HOUR, MINUTE } from './local-instant';

/**
 * A deliberately naive reading of SPEC §2, minute by minute, straight from the office
 * definition (no day tables, no offset tables): the reference the fast calendar must agree with.
 * Only valid for whole-minute inputs, hours that do not touch a DST gap or overlap, and zones
 * whose offset changes on whole UTC hours.
 */

const jsWeekdayKeys: readonly WeekdayKey[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

const minutesOf = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

function hoursOnDate(office: OfficePolicy, isoDate: string, weekday: WeekdayKey): [string, string] | undefined {
  if (office.workdays.includes(isoDate)) {
    const firstKey = weekdayKeys.find((key) => office.hours[key]);
    return firstKey ? office.hours[firstKey] : undefined;
  }
  if (office.holidays.includes(isoDate)) return undefined;
  return office.hours[weekday];
}

function isoOf(local: TZDate): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${local.getFullYear()}-${pad(local.getMonth() + 1)}-${pad(local.getDate())}`;
}

/**
 * The zone's offset for the UTC hour containing `atMs`, read from TZDate's local fields and
 * remembered: the zones the reference is used with change offset only on whole UTC hours, and
 * one TZDate per minute would make the reference too slow to run often.
 */
const offsetByHour = new Map<string, number>();
function offsetOfHour(timeZone: string, atMs: number): number {
  const hourStart = Math.floor(atMs / HOUR) * HOUR;
  const key = `${timeZone} ${hourStart}`;
  let offset = offsetByHour.get(key);
  if (offset === undefined) {
    const local = new TZDate(hourStart, timeZone);
    const wall = Date.UTC(local.getFullYear(), local.getMonth(), local.getDate(), local.getHours(), local.getMinutes());
    offset = wall - hourStart;
    offsetByHour.set(key, offset);
  }
  return offset;
}

export function naiveIsBusinessMinute(office: OfficePolicy, atMs: number): boolean {
  const wall = new Date(atMs + offsetOfHour(office.timeZone, atMs));
  const hours = hoursOnDate(office, wall.toISOString().slice(0, 10), jsWeekdayKeys[wall.getUTCDay()]!);
  if (!hours) return false;
  const minuteOfDay = wall.getUTCHours() * 60 + wall.getUTCMinutes();
  return minuteOfDay >= minutesOf(hours[0]) && minuteOfDay < minutesOf(hours[1]);
}

export function naiveBusinessTimeBetween(office: OfficePolicy, fromMs: number, toMs: number): number {
  let total = 0;
  for (let at = fromMs; at < toMs; at += MINUTE) {
    if (naiveIsBusinessMinute(office, at)) total += MINUTE;
  }
  return total;
}

export function naiveAddBusinessTime(office: OfficePolicy, fromMs: number, amountMinutes: number, maxMinutes: number): number {
  if (amountMinutes <= 0) return fromMs;
  let counted = 0;
  for (let at = fromMs; at < fromMs + maxMinutes * MINUTE; at += MINUTE) {
    if (naiveIsBusinessMinute(office, at) && ++counted === amountMinutes) return at + MINUTE;
  }
  throw new Error('naive reference gave up: widen maxMinutes');
}

export function naiveEndOfNthBusinessDay(office: OfficePolicy, fromMs: number, n: number): number {
  const start = new TZDate(fromMs, office.timeZone);
  let counted = 0;
  for (let offset = 1; offset < 400; offset++) {
    // Noon avoids any DST edge while stepping whole local days.
    const day = new TZDate(start.getFullYear(), start.getMonth(), start.getDate() + offset, 12, 0, office.timeZone);
    const hours = hoursOnDate(office, isoOf(day), jsWeekdayKeys[day.getDay()]!);
    if (hours && ++counted === n) {
      const close = minutesOf(hours[1]);
      return new TZDate(day.getFullYear(), day.getMonth(), day.getDate(), Math.floor(close / 60), close % 60, office.timeZone).getTime();
    }
  }
  throw new Error('naive reference found no n-th business day within 400 days');
}

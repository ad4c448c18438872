import { calendarFor, type OfficeCalendar } from '../calendar/office-calendar';
import { businessIntervalOf, isOpenAt, localDateOf, nextOpeningAt } from '../calendar/business-time';
import { dayNumberFromIso, isoFromDayNumber } from '../calendar/civil-date';
import type { Policy } from '../policy/schema';

/**
 * An office's business days as the forecast and the handoff see them: when its day in progress
 * (or its next one) closes, when it opens again after that, and which offices are open at an
 * instant. Everything comes from the office's own calendar (lib/calendar: hours, time zone,
 * holidays, make-up workdays). Pure: every instant is an argument.
 */

export interface BusinessDay {
  /** The office's local date, 'YYYY-MM-DD'. */
  date: string;
  openMs: number;
  closeMs: number;
}

/** A weekday can only be this far from the next business day when a holiday list is absurd; bounds the walk. */
const MAX_DAYS_AHEAD = 400;

/**
 * The business day in progress at `nowMs`, else the next one to open: the day whose close the
 * handoff is about. Null when the office is never open.
 */
export function currentOrNextBusinessDay(cal: OfficeCalendar, nowMs: number): BusinessDay | null {
  if (!cal.everOpen) return null;
  const first = dayNumberFromIso(localDateOf(cal, nowMs));
  for (let day = first - 1; day < first + MAX_DAYS_AHEAD; day++) {
    const date = isoFromDayNumber(day);
    const interval = businessIntervalOf(cal, date);
    if (interval && interval[1] > nowMs) return { date, openMs: interval[0], closeMs: interval[1] };
  }
  return null;
}

/** When the office opens again after closing at `closeMs`: its next business day's opening. */
export function reopeningAfter(cal: OfficeCalendar, closeMs: number): number | null {
  const at = nextOpeningAt(cal, closeMs);
  return Number.isFinite(at) ? at : null;
}

/** The ids of the policy's offices open at `atMs`, in the policy's order. */
export function officesOpenAt(policy: Policy, atMs: number): string[] {
  return Object.keys(policy.offices).filter((id) => isOpenAt(calendarFor(policy, id), atMs));
}

/** The office that opens first at or after `atMs` (ties: the policy's order), with when; null if none ever opens. */
export function firstOfficeOpeningAt(policy: Policy, atMs: number): { officeId: string; at: number } | null {
  let best: { officeId: string; at: number } | null = null;
  for (const id of Object.keys(policy.offices)) {
    const at = nextOpeningAt(calendarFor(policy, id), atMs);
    if (Number.isFinite(at) && (best === null || at < best.at)) best = { officeId: id, at };
  }
  return best;
}

/** What kind of local day a date is for an office (the strip colours it). */
export type DayKind = 'workday' | 'closed' | 'holiday' | 'makeup';

export interface StripDay {
  date: string;
  kind: DayKind;
  /** The part of the window this local day covers. */
  fromMs: number;
  toMs: number;
}

export interface OfficeStrip {
  officeId: string;
  name: string;
  timeZone: string;
  /** Local days meeting the window, in order. */
  days: StripDay[];
  /** Business hours inside the window, [from, to) each. */
  open: [number, number][];
}

/**
 * One office over the window [fromMs, toMs): its business hours, and each local day it meets
 * marked workday, closed (a weekend), holiday or make-up workday (an extra working day).
 */
export function officeStrip(policy: Policy, officeId: string, fromMs: number, toMs: number): OfficeStrip {
  const cal = calendarFor(policy, officeId);
  const office = policy.offices[cal.id]!;
  const holidays = new Set(office.holidays);
  const makeups = new Set(office.workdays);
  const firstDay = dayNumberFromIso(localDateOf(cal, fromMs));
  const lastDay = dayNumberFromIso(localDateOf(cal, toMs - 1));
  const days: StripDay[] = [];
  const open: [number, number][] = [];
  for (let day = firstDay; day <= lastDay; day++) {
    const date = isoFromDayNumber(day);
    const interval = businessIntervalOf(cal, date);
    const kind: DayKind = makeups.has(date) && interval ? 'makeup' : interval ? 'workday' : holidays.has(date) ? 'holiday' : 'closed';
    days.push({ date, kind, fromMs: Math.max(fromMs, localMidnight(cal, day)), toMs: Math.min(toMs, localMidnight(cal, day + 1)) });
    if (interval) {
      const from = Math.max(fromMs, interval[0]);
      const to = Math.min(toMs, interval[1]);
      if (to > from) open.push([from, to]);
    }
  }
  return { officeId: cal.id, name: office.name, timeZone: office.timeZone, days, open };
}

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/**
 * The first instant (to the minute) at which the office's wall clock reads local day `day` or
 * later: local midnight, or the first instant after it where a DST gap skips midnight.
 */
function localMidnight(cal: OfficeCalendar, day: number): number {
  // Wall time = UTC + offset, with |offset| < 1 day: midnight lies within a day either side.
  let low = day * DAY_MS - DAY_MS;
  let high = day * DAY_MS + DAY_MS;
  while (high - low > MINUTE_MS) {
    const middle = low + Math.floor((high - low) / 2 / MINUTE_MS) * MINUTE_MS;
    if (cal.localDayOf(middle) >= day) high = middle;
    else low = middle;
  }
  return high;
}

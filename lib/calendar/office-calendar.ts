import type { OfficePolicy, Policy } from '../policy/schema';
import { MS_PER_DAY } from './civil-date';
import { DayTable } from './day-table';
import { OfficeSchedule } from './office-schedule';
import { ZoneOffsets } from './zone-offsets';

/**
 * One office's business calendar: its zone and schedule, plus the cached tables (UTC offsets by
 * UTC day, business hours by local day) that let every question after warm-up be answered with
 * array reads and integer arithmetic.
 */
export class OfficeCalendar {
  readonly id: string;
  readonly timeZone: string;
  /** False when no weekday has hours: such a calendar never accumulates business time. */
  readonly everOpen: boolean;
  /** @internal business hours by local day number, for the time arithmetic. */
  readonly days: DayTable;
  private readonly zone: ZoneOffsets;

  constructor(id: string, office: OfficePolicy) {
    const schedule = new OfficeSchedule(id, office);
    this.id = id;
    this.timeZone = office.timeZone;
    this.everOpen = schedule.everOpen;
    this.zone = new ZoneOffsets(office.timeZone);
    this.days = new DayTable(this.zone, schedule);
  }

  /** Local day number (days since 1970-01-01 on the office's wall clock) of instant `atMs`. */
  localDayOf(atMs: number): number {
    return Math.floor((atMs + this.zone.offsetAt(atMs)) / MS_PER_DAY);
  }

  /** The office wall clock's reading at `atMs`, as ms since 1970-01-01T00:00 local. */
  wallTimeOf(atMs: number): number {
    return atMs + this.zone.offsetAt(atMs);
  }
}

const calendarsByPolicy = new WeakMap<Policy, Map<string, OfficeCalendar>>();

/**
 * The calendar of `officeId` under `policy`, built once per policy object and office (the day
 * tables it caches are what make the engine fast). `null` or an office the policy does not
 * define means the policy's default office.
 */
export function calendarFor(policy: Policy, officeId: string | null): OfficeCalendar {
  let calendars = calendarsByPolicy.get(policy);
  if (!calendars) {
    calendars = new Map();
    calendarsByPolicy.set(policy, calendars);
  }
  const requested = officeId ?? policy.defaultOffice;
  const cached = calendars.get(requested);
  if (cached) return cached;
  const id = Object.hasOwn(policy.offices, requested) ? requested : policy.defaultOffice;
  let calendar = calendars.get(id);
  if (!calendar) {
    const office = Object.hasOwn(policy.offices, id) ? policy.offices[id] : undefined;
    if (!office) throw new RangeError(`the policy's default office "${id}" is not one of its offices`);
    calendar = new OfficeCalendar(id, office);
    calendars.set(id, calendar);
  }
  calendars.set(requested, calendar);
  return calendar;
}

/** A calendar for an office definition outside any policy (options-page previews, tests). */
export function calendarForOffice(id: string, office: OfficePolicy): OfficeCalendar {
  return new OfficeCalendar(id, office);
}

import type { OfficePolicy } from '../policy/schema';
import { weekdayKeys } from '../policy/schema';
import { dayNumberFromIso, minutesFromHhMm, weekdayIndexOf } from './civil-date';

/** Opening and closing time of one local day, in minutes after local midnight. */
export interface DailyHours {
  readonly open: number;
  readonly close: number;
}

/**
 * Which hours an office keeps on a local date (SPEC §2): its weekly hours, closed on holidays,
 * open on extra working days. Validates the office's hours and dates once, with messages that
 * name the office and the bad value.
 */
export class OfficeSchedule {
  /** False when no weekday has hours; such an office is never open, not even on extra working days. */
  readonly everOpen: boolean;
  private readonly weekly: readonly (DailyHours | null)[];
  private readonly extraWorkdayHours: DailyHours | null;
  private readonly holidays: ReadonlySet<number>;
  private readonly workdays: ReadonlySet<number>;

  constructor(officeId: string, office: OfficePolicy) {
    this.weekly = weekdayKeys.map((key) => {
      const range = office.hours[key];
      return range ? dailyHoursOf(officeId, key, range) : null;
    });
    // Extra working days open with Monday's hours; a schedule without Monday hours falls back
    // to the first weekday (Monday → Sunday) that has any.
    this.extraWorkdayHours = this.weekly.find((hours) => hours !== null) ?? null;
    this.everOpen = this.extraWorkdayHours !== null;
    this.holidays = new Set(office.holidays.map((iso) => dayNumberOf(officeId, 'holidays', iso)));
    this.workdays = new Set(office.workdays.map((iso) => dayNumberOf(officeId, 'workdays', iso)));
  }

  /** The hours kept on local day `dayNumber`, or null when the office is closed all day. */
  hoursOn(dayNumber: number): DailyHours | null {
    // An extra working day wins over a holiday on the same date.
    if (this.workdays.has(dayNumber)) return this.extraWorkdayHours;
    if (this.holidays.has(dayNumber)) return null;
    return this.weekly[weekdayIndexOf(dayNumber)] ?? null;
  }
}

function dailyHoursOf(officeId: string, day: string, [from, to]: readonly [string, string]): DailyHours {
  const open = minutesFromHhMm(from);
  const close = minutesFromHhMm(to);
  if (close <= open) {
    throw new RangeError(`office "${officeId}": hours on ${day} must open before they close (${from}–${to})`);
  }
  return { open, close };
}

function dayNumberOf(officeId: string, list: string, iso: string): number {
  try {
    return dayNumberFromIso(iso);
  } catch (error) {
    throw new RangeError(`office "${officeId}": ${list}: ${(error as Error).message}`);
  }
}

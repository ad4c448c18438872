import type { OfficePolicy, Policy } from '../policy/schema';
import { weekdayKeys } from '../policy/schema';
import { dayNumberFromIso, minutesFromHhMm, MS_PER_DAY, MS_PER_MINUTE, weekdayIndexOf } from './civil-date';
import { ZoneOffsets } from './zone-offsets';

/**
 * One office's business calendar: its zone, weekly hours, holidays and extra working days, plus
 * a lazily filled day table (local day number → [open, close) instants, or closed). After a day
 * has been looked at once, every question about it is integer arithmetic on typed arrays.
 */

/** Minutes after local midnight. */
interface DailyHours {
  open: number;
  close: number;
}

const CHUNK_BITS = 8;
const CHUNK_SIZE = 1 << CHUNK_BITS;
const CHUNK_MASK = CHUNK_SIZE - 1;
const UNFILLED = 0;
const CLOSED = 1;
const OPEN = 2;

class DayChunk {
  readonly state = new Uint8Array(CHUNK_SIZE);
  readonly open = new Float64Array(CHUNK_SIZE);
  readonly close = new Float64Array(CHUNK_SIZE);
}

export class OfficeCalendar {
  readonly id: string;
  readonly timeZone: string;
  /** False when no weekday has hours: such a calendar never accumulates business time. */
  readonly everOpen: boolean;
  /** @internal the zone's offset table, shared with the time arithmetic. */
  readonly zone: ZoneOffsets;

  private readonly weekly: readonly (DailyHours | null)[];
  private readonly extraWorkdayHours: DailyHours | null;
  private readonly holidays: ReadonlySet<number>;
  private readonly workdays: ReadonlySet<number>;
  private readonly chunks = new Map<number, DayChunk>();
  private lastChunkIndex = Number.NaN;
  private lastChunk: DayChunk | undefined;

  constructor(id: string, office: OfficePolicy) {
    this.id = id;
    this.timeZone = office.timeZone;
    this.zone = new ZoneOffsets(office.timeZone);
    this.weekly = weekdayKeys.map((key) => {
      const range = office.hours[key];
      return range ? dailyHoursOf(id, key, range) : null;
    });
    // SPEC §2: extra working days open with Monday's hours; a schedule without Monday hours
    // falls back to the first weekday (Monday → Sunday) that has any.
    this.extraWorkdayHours = this.weekly.find((hours) => hours !== null) ?? null;
    this.everOpen = this.extraWorkdayHours !== null;
    this.holidays = new Set(office.holidays.map((iso) => dayNumberOf(id, 'holidays', iso)));
    this.workdays = new Set(office.workdays.map((iso) => dayNumberOf(id, 'workdays', iso)));
  }

  /** Local day number (days since 1970-01-01 in the office's zone) of instant `atMs`. */
  localDayOf(atMs: number): number {
    return Math.floor(this.zone.wallAt(atMs) / MS_PER_DAY);
  }

  isBusinessDayNumber(dayNumber: number): boolean {
    const chunk = this.chunkFor(dayNumber);
    const slot = dayNumber & CHUNK_MASK;
    if (chunk.state[slot] === UNFILLED) this.fill(chunk, slot, dayNumber);
    return chunk.state[slot] === OPEN;
  }

  /** Opening instant of a business day; only meaningful after isBusinessDayNumber returned true. */
  openOf(dayNumber: number): number {
    return this.chunkFor(dayNumber).open[dayNumber & CHUNK_MASK]!;
  }

  /** Closing instant (EOD) of a business day; only meaningful after isBusinessDayNumber returned true. */
  closeOf(dayNumber: number): number {
    return this.chunkFor(dayNumber).close[dayNumber & CHUNK_MASK]!;
  }

  private chunkFor(dayNumber: number): DayChunk {
    const index = dayNumber >> CHUNK_BITS;
    if (index === this.lastChunkIndex) return this.lastChunk!;
    let chunk = this.chunks.get(index);
    if (!chunk) {
      chunk = new DayChunk();
      this.chunks.set(index, chunk);
    }
    this.lastChunkIndex = index;
    this.lastChunk = chunk;
    return chunk;
  }

  private fill(chunk: DayChunk, slot: number, dayNumber: number): void {
    const hours = this.hoursOn(dayNumber);
    if (!hours) {
      chunk.state[slot] = CLOSED;
      return;
    }
    const midnightWall = dayNumber * MS_PER_DAY;
    chunk.open[slot] = this.zone.firstInstantAtWall(midnightWall + hours.open * MS_PER_MINUTE);
    chunk.close[slot] = this.zone.firstInstantAtWall(midnightWall + hours.close * MS_PER_MINUTE);
    chunk.state[slot] = OPEN;
  }

  private hoursOn(dayNumber: number): DailyHours | null {
    // An extra working day wins over a holiday on the same date (SPEC §2).
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

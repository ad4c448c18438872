import { isoFromDayNumber, localWallTimeOf, weekdayIndexOf, type OfficeCalendar } from '../calendar';

/**
 * Text for explanations: instants in the office's local time ("14:02", "Tue 10 Mar 14:02") and
 * amounts of time ("2 h 10 min"). Wall times come from the calendar's offset tables and day
 * labels are cached, so an explanation costs string concatenation, not Intl.
 */

const MS_PER_MINUTE = 60_000;
const MS_PER_HOUR = 3_600_000;
const MS_PER_DAY = 86_400_000;
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;
/** "00:00" … "23:59", by minute of the day. */
const TIMES_OF_DAY = Array.from(
  { length: 24 * 60 },
  (_, minute) => `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`,
);
/** Counted-time lines are cached per whole minute up to a fortnight; beyond, built each time. */
const CACHED_AMOUNT_MINUTES = 14 * 24 * 60;
/**
 * Day labels are cached direct-mapped by day number: slot `day & (DAY_LABEL_SLOTS − 1)` holds the
 * latest day that used it. Days in use are the few hundred tickets live on, so collisions
 * (days ~2.8 years apart) are rare, and a lookup is one array read and a comparison — the
 * Map this replaced cost a hash lookup per instant, a sizeable share of an explanation.
 */
const DAY_LABEL_SLOTS = 1024;

interface DayLabel {
  readonly day: number;
  /** "Tue 10 Mar " and "Tue 10 Mar 2027 ", ready to prefix a time of day. */
  readonly prefix: string;
  readonly prefixWithYear: string;
  readonly year: number;
}

const NO_LABEL: DayLabel = { day: Number.NaN, prefix: '', prefixWithYear: '', year: 0 };
const dayLabelSlots: DayLabel[] = Array.from({ length: DAY_LABEL_SLOTS }, () => NO_LABEL);

/**
 * Formats instants for one explanation: "14:02" on the local day of `nowMs`, else
 * "Tue 10 Mar 14:02" (with the year when it is not now's year).
 */
export class OfficeTimeText {
  private readonly today: number;
  private readonly thisYear: number;

  constructor(private readonly cal: OfficeCalendar, nowMs: number) {
    this.today = Math.floor(localWallTimeOf(cal, nowMs) / MS_PER_DAY);
    this.thisYear = dayLabelOf(this.today).year;
  }

  instant(atMs: number): string {
    const wall = localWallTimeOf(this.cal, atMs);
    const day = Math.floor(wall / MS_PER_DAY);
    const time = TIMES_OF_DAY[Math.floor((wall - day * MS_PER_DAY) / MS_PER_MINUTE)]!;
    if (day === this.today) return time;
    const label = dayLabelOf(day);
    return (label.year === this.thisYear ? label.prefix : label.prefixWithYear) + time;
  }
}

function dayLabelOf(day: number): DayLabel {
  const slot = day & (DAY_LABEL_SLOTS - 1);
  const cached = dayLabelSlots[slot]!;
  if (cached.day === day) return cached;
  const iso = isoFromDayNumber(day);
  const text = `${WEEKDAYS[weekdayIndexOf(day)] ?? ''} ${Number(iso.slice(8, 10))} ${MONTHS[Number(iso.slice(5, 7)) - 1] ?? ''}`;
  const year = Number(iso.slice(0, 4));
  const label: DayLabel = { day, prefix: `${text} `, prefixWithYear: `${text} ${year} `, year };
  dayLabelSlots[slot] = label;
  return label;
}

// Filled in with undefined up front so V8 keeps them dense arrays, not dictionaries.
const countedLines: Record<'wall' | 'business', (string | undefined)[]> = {
  wall: Array.from({ length: CACHED_AMOUNT_MINUTES }, () => undefined),
  business: Array.from({ length: CACHED_AMOUNT_MINUTES }, () => undefined),
};

/** "2 h 10 min counted", "12 h of business time counted". */
export function countedLine(ms: number, kind: 'wall' | 'business'): string {
  const minutes = Math.floor(Math.max(0, ms) / MS_PER_MINUTE);
  const cache = countedLines[kind];
  let line = minutes < CACHED_AMOUNT_MINUTES ? cache[minutes] : undefined;
  if (line === undefined) {
    line = `${formatAmount(minutes * MS_PER_MINUTE, kind)}${kind === 'business' ? ' of business time' : ''} counted`;
    if (minutes < CACHED_AMOUNT_MINUTES) cache[minutes] = line;
  }
  return line;
}

/** "45 min", "2 h 10 min", "1 d 3 h"; business time is never shown in 24-hour days. */
export function formatAmount(ms: number, kind: 'wall' | 'business' = 'wall'): string {
  const totalMinutes = Math.floor(Math.max(0, ms) / MS_PER_MINUTE);
  if (totalMinutes < 60) return `${totalMinutes} min`;
  const totalHours = Math.floor(totalMinutes / 60);
  const minutes = totalMinutes % 60;
  if (totalHours < 24 || kind === 'business') return minutes === 0 ? `${totalHours} h` : `${totalHours} h ${minutes} min`;
  const days = Math.floor(ms / MS_PER_DAY);
  const hours = Math.floor((ms - days * MS_PER_DAY) / MS_PER_HOUR);
  return hours === 0 ? `${days} d` : `${days} d ${hours} h`;
}

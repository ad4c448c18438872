import type { Duration, Policy } from '../lib/policy/schema';
import type { Status, Ticket } from '../lib/engine/types';

/**
 * A deliberately naive second implementation of the deadlines of SPEC §2, used by the benchmark
 * to check the engine: it walks time minute by minute, asks "is the ticket paused now?" by
 * scanning the history and "is this a business minute?" with its own calendar check built on
 * Intl (not lib/calendar), and counts. Slow on purpose; only trusted because it is simple.
 * Inputs must sit on whole minutes and the zones must have whole-hour UTC offsets.
 */

export interface ReferenceResult {
  level: number;
  /** Start of each policy level (index 0 = clock start); null when unscheduled or unknown. */
  levelAt: (number | null)[];
  responseDueAt: number | null;
  nextUpdateDueAt: number | null;
}

const MINUTE = 60_000;
const HOUR = 3_600_000;
/** Give up after this much time: far beyond any deadline of the policy plus realistic pauses. */
const WALK_LIMIT = 400 * 24 * HOUR;
const WEEKDAY_KEYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const WEEKDAY_BY_NAME: Record<string, number> = { Mon: 0, Tue: 1, Wed: 2, Thu: 3, Fri: 4, Sat: 5, Sun: 6 };

interface LocalHour {
  date: string;
  weekday: number;
  hour: number;
}

/** Local date, weekday and hour of each UTC hour, straight from Intl, cached per hour. */
class LocalHours {
  private readonly cache = new Map<number, LocalHour>();
  private readonly format: Intl.DateTimeFormat;

  constructor(private readonly timeZone: string) {
    this.format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      weekday: 'short',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
  }

  at(ms: number): LocalHour {
    const hourIndex = Math.floor(ms / HOUR);
    let entry = this.cache.get(hourIndex);
    if (!entry) {
      const parts: Record<string, string> = {};
      for (const part of this.format.formatToParts(new Date(hourIndex * HOUR))) parts[part.type] = part.value;
      if (parts.minute !== '00') throw new Error(`the reference needs whole-hour offsets; ${this.timeZone} is not`);
      entry = {
        date: `${parts.year}-${parts.month}-${parts.day}`,
        weekday: WEEKDAY_BY_NAME[parts.weekday ?? ''] ?? -1,
        hour: Number(parts.hour),
      };
      this.cache.set(hourIndex, entry);
    }
    return entry;
  }
}

const localHoursByZone = new Map<string, LocalHours>();

class ReferenceOffice {
  private readonly local: LocalHours;
  private readonly holidays: Set<string>;
  private readonly workdays: Set<string>;

  constructor(private readonly policy: Policy, private readonly officeId: string) {
    const office = policy.offices[officeId]!;
    let local = localHoursByZone.get(office.timeZone);
    if (!local) {
      local = new LocalHours(office.timeZone);
      localHoursByZone.set(office.timeZone, local);
    }
    this.local = local;
    this.holidays = new Set(office.holidays);
    this.workdays = new Set(office.workdays);
  }

  /** [open, close) in minutes after local midnight, or null when the date is not a business day. */
  hoursOn(date: string, weekday: number): [number, number] | null {
    const hours = this.policy.offices[this.officeId]!.hours;
    let range: readonly [string, string] | undefined;
    if (this.workdays.has(date)) range = hours.mon;
    else if (this.holidays.has(date)) range = undefined;
    else range = hours[WEEKDAY_KEYS[weekday]!];
    if (!range) return null;
    return [minutesOf(range[0]), minutesOf(range[1])];
  }

  localDate(ms: number): string {
    return this.local.at(ms).date;
  }

  isBusinessMinute(ms: number): boolean {
    const local = this.local.at(ms);
    const hours = this.hoursOn(local.date, local.weekday);
    if (!hours) return false;
    const minuteOfDay = local.hour * 60 + Math.floor((ms % HOUR) / MINUTE);
    return minuteOfDay >= hours[0] && minuteOfDay < hours[1];
  }

  /** The closing minute boundary of the n-th business date after the local date of `fromMs`. */
  endOfNthBusinessDay(fromMs: number, n: number): number {
    const startDate = this.localDate(fromMs);
    let seen = 0;
    let lastDate = startDate;
    for (let t = fromMs; t < fromMs + WALK_LIMIT; t += MINUTE) {
      const local = this.local.at(t);
      if (local.date !== lastDate) {
        lastDate = local.date;
        if (this.hoursOn(local.date, local.weekday)) seen++;
      }
      if (seen === n) {
        const hours = this.hoursOn(local.date, local.weekday)!;
        const minuteOfDay = local.hour * 60 + Math.floor((t % HOUR) / MINUTE);
        if (minuteOfDay === hours[1]) return t;
      }
    }
    throw new Error('no n-th business day within the walk limit');
  }
}

function minutesOf(hhmm: string): number {
  const [hours = 0, minutes = 0] = hhmm.split(':').map(Number);
  return hours * 60 + minutes;
}

export function referenceEvaluate(ticket: Ticket, policy: Policy, now: Date): ReferenceResult | null {
  const nowMs = now.getTime();
  const createdAt = ticket.createdAt.getTime();
  const events = ticket.history.filter((event) => event.at.getTime() <= nowMs);
  const officeId = ticket.office !== null && policy.offices[ticket.office] ? ticket.office : policy.defaultOffice;
  const office = new ReferenceOffice(policy, officeId);

  // Severity and clock start, straight from the rules.
  const hasSeverityEvents = ticket.history.some((event) => event.kind === 'severity');
  let severity = hasSeverityEvents ? null : ticket.severity;
  let clockStart = createdAt;
  for (const event of events) {
    if (event.kind !== 'severity') continue;
    if (event.to !== null && (severity === null || event.to < severity)) clockStart = Math.max(event.at.getTime(), createdAt);
    severity = event.to;
  }
  if (severity === null) return null;
  const severityPolicy = policy.severities[String(severity) as '1' | '2' | '3' | '4'];

  const hasStatusEvents = ticket.history.some((event) => event.kind === 'status');
  const pausing = new Set<Status>(['solved', ...policy.pauseWhile]);
  const statusAt = (t: number): Status => {
    let status: Status = hasStatusEvents ? 'active' : ticket.status;
    for (const event of events) if (event.kind === 'status' && event.at.getTime() <= t) status = event.to;
    return status;
  };
  const pausedNow = pausing.has(statusAt(nowMs));
  const isPaused = (t: number): boolean => pausing.has(statusAt(Math.min(t, nowMs)));

  const walk = (startMs: number, minutes: number, countsMinute: (t: number) => boolean): number | null => {
    if (minutes <= 0) return startMs;
    let counted = 0;
    for (let t = startMs; t < startMs + WALK_LIMIT; t += MINUTE) {
      if (t >= nowMs && pausedNow) return null;
      if (!isPaused(t) && countsMinute(t) && ++counted >= minutes) return t + MINUTE;
    }
    return null;
  };
  const wall = (): boolean => true;
  const business = (t: number): boolean => office.isBusinessMinute(t);
  const deadline = (duration: Duration | undefined, startMs: number): number | null => {
    if (!duration) return null;
    if ('minutes' in duration) return walk(startMs, duration.minutes, wall);
    if ('hours' in duration) return walk(startMs, duration.hours * 60, wall);
    if ('businessHours' in duration) return walk(startMs, duration.businessHours * 60, business);
    const endOfDay = office.endOfNthBusinessDay(startMs, duration.businessDays);
    let size = 0;
    for (let t = startMs; t < endOfDay; t += MINUTE) if (business(t)) size++;
    return walk(startMs, size, business);
  };

  const levelAt = policy.levels.map((level, index) =>
    index === 0 ? clockStart : deadline(severityPolicy.escalate?.[level.id], clockStart),
  );
  let level = 1;
  levelAt.forEach((at, index) => {
    if (at !== null && at <= nowMs) level = index + 1;
  });

  const responseDueAt = deadline(severityPolicy.response, clockStart);
  const replies = events.filter((event) => event.kind === 'publicReply').map((event) => event.at.getTime());
  const responded = replies.some((at) => at >= clockStart);
  const hasWorkaroundEvents = ticket.history.some((event) => event.kind === 'workaround');
  const workaroundGiven = hasWorkaroundEvents ? events.some((event) => event.kind === 'workaround') : ticket.workaround;

  let nextUpdateDueAt: number | null = null;
  if (!pausedNow) {
    if (!responded) nextUpdateDueAt = responseDueAt;
    else {
      const cadence = (workaroundGiven ? severityPolicy.updates?.afterWorkaround : undefined) ?? severityPolicy.updates?.every;
      nextUpdateDueAt = deadline(cadence, replies[replies.length - 1]!);
    }
  }
  return { level, levelAt, responseDueAt, nextUpdateDueAt };
}

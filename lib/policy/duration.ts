import type { Duration } from './schema';

/** The four units of SPEC §2; the unit decides which time counts (wall clock or business time). */
export const durationUnits = ['minutes', 'hours', 'businessHours', 'businessDays'] as const;
export type DurationUnit = (typeof durationUnits)[number];

export function isDurationUnit(key: string): key is DurationUnit {
  return (durationUnits as readonly string[]).includes(key);
}

export function durationUnit(duration: Duration): DurationUnit {
  if ('minutes' in duration) return 'minutes';
  if ('hours' in duration) return 'hours';
  if ('businessHours' in duration) return 'businessHours';
  return 'businessDays';
}

export function durationAmount(duration: Duration): number {
  if ('minutes' in duration) return duration.minutes;
  if ('hours' in duration) return duration.hours;
  if ('businessHours' in duration) return duration.businessHours;
  return duration.businessDays;
}

/** Length in wall-clock minutes for the 24×7 units; null for business time, which depends on the calendar. */
export function wallClockMinutes(duration: Duration): number | null {
  if ('minutes' in duration) return duration.minutes;
  if ('hours' in duration) return duration.hours * 60;
  return null;
}

function plural(amount: number, one: string, many: string): string {
  return `${amount} ${amount === 1 ? one : many}`;
}

/** Short English text for UI and explanations: "30 min", "2 h", "4 business hours", "1 business day". */
export function formatDuration(duration: Duration): string {
  if ('minutes' in duration) return `${duration.minutes} min`;
  if ('hours' in duration) return `${duration.hours} h`;
  if ('businessHours' in duration) return plural(duration.businessHours, 'business hour', 'business hours');
  return plural(duration.businessDays, 'business day', 'business days');
}

const example = '{"hours": 2}';

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `the text '${value}'`;
  if (typeof value === 'number') return String(value);
  return typeof value === 'object' ? 'an object' : typeof value;
}

export interface DurationProblem {
  /** The unit key the problem is about (`hours`), or undefined for the duration as a whole. */
  unit?: string;
  message: string;
}

/**
 * Everything wrong with a duration, in words a support lead understands; empty when it is fine.
 * Kept apart from the zod union so the message says what to write instead of "invalid union".
 */
export function durationProblems(value: unknown): DurationProblem[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return [{ message: `should be a duration such as ${example}, found ${describe(value)}` }];
  }
  const keys = Object.keys(value);
  const units = keys.filter(isDurationUnit);
  const problems: DurationProblem[] = keys
    .filter((key) => !isDurationUnit(key))
    .map((key) => ({
      unit: key,
      message: `'${key}' is not a unit; use exactly one of minutes, hours, businessHours, businessDays`,
    }));
  if (keys.length === 0) {
    problems.push({ message: `is empty; give exactly one unit, e.g. ${example}` });
  }
  if (units.length > 1) {
    problems.push({ message: `gives ${units.join(' and ')}; give exactly one unit, e.g. ${example}` });
  }
  for (const unit of units) {
    const amount: unknown = (value as Record<string, unknown>)[unit];
    const problem = amountProblem(unit, amount);
    if (problem) problems.push({ unit, message: problem });
  }
  return problems;
}

/**
 * The largest amount of each unit. Wall-clock units stop at ten years (365-day years); business
 * units at 2,500 business days / 20,000 business hours — about ten years of five-day, eight-hour
 * weeks — which also keeps one evaluation fast (the calendar walks 64-day chunks; 2,500 business
 * days are about 55 of them). Anything longer is not an escalation target but a typo.
 */
export const DURATION_MAX: Readonly<Record<DurationUnit, number>> = {
  minutes: 10 * 365 * 24 * 60,
  hours: 10 * 365 * 24,
  businessHours: 20_000,
  businessDays: 2_500,
};

const UNIT_WORDS: Readonly<Record<DurationUnit, string>> = {
  minutes: 'minutes',
  hours: 'hours',
  businessHours: 'business hours',
  businessDays: 'business days',
};

function amountProblem(unit: DurationUnit, amount: unknown): string | null {
  if (typeof amount !== 'number') return `should be a number, found ${describe(amount)}`;
  if (!Number.isFinite(amount)) return `should be a positive number, found ${describe(amount)}`;
  if (amount <= 0) return `should be more than 0, found ${amount}`;
  if (amount > DURATION_MAX[unit]) {
    return `should be at most ${DURATION_MAX[unit].toLocaleString('en-US')} ${UNIT_WORDS[unit]} (about ten years), found ${amount}`;
  }
  if (unit === 'businessDays' && !Number.isInteger(amount)) {
    return `should be a whole number of business days, found ${amount}`;
  }
  return null;
}

import { describe, expect, it } from 'vitest';
import { durationAmount, durationUnit, formatDuration, wallClockMinutes } from '../../lib/policy/duration';
import type { Duration } from '../../lib/policy/schema';

describe('formatDuration', () => {
  it.each<[Duration, string]>([
    [{ minutes: 30 }, '30 min'],
    [{ hours: 2 }, '2 h'],
    [{ hours: 1.5 }, '1.5 h'],
    [{ businessHours: 1 }, '1 business hour'],
    [{ businessHours: 4 }, '4 business hours'],
    [{ businessDays: 1 }, '1 business day'],
    [{ businessDays: 3 }, '3 business days'],
  ])('%o reads "%s"', (duration, text) => {
    expect(formatDuration(duration)).toBe(text);
  });
});

describe('duration parts', () => {
  it.each<[Duration, string, number, number | null]>([
    [{ minutes: 45 }, 'minutes', 45, 45],
    [{ hours: 2 }, 'hours', 2, 120],
    [{ businessHours: 3 }, 'businessHours', 3, null],
    [{ businessDays: 5 }, 'businessDays', 5, null],
  ])('%o is %s × %d, %s wall-clock minutes', (duration, unit, amount, minutes) => {
    expect(durationUnit(duration)).toBe(unit);
    expect(durationAmount(duration)).toBe(amount);
    expect(wallClockMinutes(duration)).toBe(minutes);
  });
});

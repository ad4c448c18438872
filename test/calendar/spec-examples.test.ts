import { describe, expect, test } from 'vitest';
import {
  addBusinessTime,
  businessTimeBetween,
  calendarFor,
  endOfNthBusinessDay,
  localDateOf,
} from '../../lib/calendar';
import { HOUR, MINUTE, localInstant, samplePolicy } from './local-instant';

// SPEC §2 "businessDays": due at EOD of the n-th business day strictly after the start's local date.
// 2026-06-08 is a Monday, ordinary week, no holidays in any sample office.
const officeZones = {
  hq: 'America/Los_Angeles',
  shanghai: 'Asia/Shanghai',
  taichung: 'Asia/Taipei',
  singapore: 'Asia/Singapore',
  malaysia: 'Asia/Kuala_Lumpur',
} as const;

describe.each(Object.entries(officeZones))('business days in %s (%s)', (officeId, zone) => {
  const cal = calendarFor(samplePolicy, officeId);
  test.each([
    ['opened Monday 10:00, 1 business day is Tuesday 18:00', '2026-06-08 10:00', 1, '2026-06-09 18:00'],
    ['opened Saturday, 1 business day is Monday 18:00', '2026-06-13 11:00', 1, '2026-06-15 18:00'],
    ['opened Sunday 23:59, 1 business day is Monday 18:00', '2026-06-14 23:59', 1, '2026-06-15 18:00'],
    ['opened Monday 20:00, 1 business day is Tuesday 18:00', '2026-06-08 20:00', 1, '2026-06-09 18:00'],
    ['opened Monday 00:00, 1 business day is Tuesday 18:00', '2026-06-08 00:00', 1, '2026-06-09 18:00'],
    ['3 business days from Friday is Wednesday 18:00', '2026-06-12 10:00', 3, '2026-06-17 18:00'],
    ['opened Friday 17:59, 1 business day is Monday 18:00', '2026-06-12 17:59', 1, '2026-06-15 18:00'],
    ['5 business days from Monday is next Monday 18:00', '2026-06-08 09:00', 5, '2026-06-15 18:00'],
  ])('%s', (_rule, opened, n, due) => {
    expect(endOfNthBusinessDay(cal, localInstant(zone, opened), n)).toBe(localInstant(zone, due));
  });

  test.each([
    ['Friday 17:59 + 1 business minute is Friday 18:00 (the closing instant)', '2026-06-12 17:59', 1 * MINUTE, '2026-06-12 18:00'],
    ['Friday 17:59 + 2 business minutes is Monday 09:01', '2026-06-12 17:59', 2 * MINUTE, '2026-06-15 09:01'],
    ['Saturday + 1 business minute is Monday 09:01', '2026-06-13 12:00', 1 * MINUTE, '2026-06-15 09:01'],
    ['Saturday + 9 business hours is Monday 18:00', '2026-06-13 12:00', 9 * HOUR, '2026-06-15 18:00'],
    ['Monday 10:00 + 8 business hours is Monday 18:00', '2026-06-08 10:00', 8 * HOUR, '2026-06-08 18:00'],
    ['Monday 10:00 + 9 business hours is Tuesday 10:00', '2026-06-08 10:00', 9 * HOUR, '2026-06-09 10:00'],
    ['Monday 07:00 + 30 business minutes is Monday 09:30', '2026-06-08 07:00', 30 * MINUTE, '2026-06-08 09:30'],
    ['Monday 20:00 + 1 business hour is Tuesday 10:00', '2026-06-08 20:00', 1 * HOUR, '2026-06-09 10:00'],
    ['Thursday 12:00 + 16 business hours is Monday 10:00', '2026-06-11 12:00', 16 * HOUR, '2026-06-15 10:00'],
    ['a week of business time (45 h) from Monday 09:00 ends Friday 18:00', '2026-06-08 09:00', 45 * HOUR, '2026-06-12 18:00'],
  ])('%s', (_rule, from, amount, expected) => {
    expect(addBusinessTime(cal, localInstant(zone, from), amount)).toBe(localInstant(zone, expected));
  });

  test.each([
    ['Monday 10:00 to Monday 12:00 is 2 h', '2026-06-08 10:00', '2026-06-08 12:00', 2 * HOUR],
    ['Friday 17:00 to Monday 10:00 is 2 h', '2026-06-12 17:00', '2026-06-15 10:00', 2 * HOUR],
    ['Saturday to Sunday is nothing', '2026-06-13 08:00', '2026-06-14 20:00', 0],
    ['Monday 00:00 to next Monday 00:00 is 45 h', '2026-06-08 00:00', '2026-06-15 00:00', 45 * HOUR],
    ['Monday 18:00 to Tuesday 09:00 (closed overnight) is nothing', '2026-06-08 18:00', '2026-06-09 09:00', 0],
    ['Monday 17:59 to Tuesday 09:01 is 2 min', '2026-06-08 17:59', '2026-06-09 09:01', 2 * MINUTE],
  ])('%s', (_rule, from, to, expected) => {
    expect(businessTimeBetween(cal, localInstant(zone, from), localInstant(zone, to))).toBe(expected);
  });

  test('from after to counts nothing', () => {
    expect(businessTimeBetween(cal, localInstant(zone, '2026-06-09 12:00'), localInstant(zone, '2026-06-08 12:00'))).toBe(0);
  });

  test('an amount of 0 returns the start itself, even outside hours', () => {
    const saturday = localInstant(zone, '2026-06-13 12:00');
    expect(addBusinessTime(cal, saturday, 0)).toBe(saturday);
  });

  test('the local date is the date on the office wall clock', () => {
    expect(localDateOf(cal, localInstant(zone, '2026-06-08 00:00'))).toBe('2026-06-08');
    expect(localDateOf(cal, localInstant(zone, '2026-06-08 23:59'))).toBe('2026-06-08');
  });
});

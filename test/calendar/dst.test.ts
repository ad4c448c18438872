import { describe, expect, test } from 'vitest';
import {
  addBusinessTime,
  businessIntervalOf,
  businessTimeBetween,
  calendarFor,
  calendarForOffice,
  endOfNthBusinessDay,
  isBusinessDay,
  isOpenAt,
  localDateOf,
} from '../../lib/calendar';
import type { OfficePolicy } from '../../lib/policy/schema';
import { HOUR, MINUTE, samplePolicy } from './local-instant';

const utc = (iso: string): number => Date.parse(iso);
const hq = calendarFor(samplePolicy, 'hq');

// America/Los_Angeles 2026: clocks spring forward Sun 2026-03-08 02:00 PST → 03:00 PDT (10:00Z)
// and fall back Sun 2026-11-01 02:00 PDT → 01:00 PST (09:00Z). PST = UTC−8, PDT = UTC−7.
describe('business hours in UTC around the Los Angeles DST weekends', () => {
  test.each([
    ['Friday before spring-forward is 17:00–02:00 UTC (PST)', '2026-03-06', '2026-03-06T17:00:00Z', '2026-03-07T02:00:00Z'],
    ['Monday after spring-forward is 16:00–01:00 UTC (PDT)', '2026-03-09', '2026-03-09T16:00:00Z', '2026-03-10T01:00:00Z'],
    ['Friday before fall-back is 16:00–01:00 UTC (PDT)', '2026-10-30', '2026-10-30T16:00:00Z', '2026-10-31T01:00:00Z'],
    ['Monday after fall-back is 17:00–02:00 UTC (PST)', '2026-11-02', '2026-11-02T17:00:00Z', '2026-11-03T02:00:00Z'],
  ])('%s', (_rule, date, open, close) => {
    expect(businessIntervalOf(hq, date)).toEqual([utc(open), utc(close)]);
  });

  test.each(['2026-03-08', '2026-11-01'])('the DST Sunday %s is not a business day', (date) => {
    expect(isBusinessDay(hq, date)).toBe(false);
  });
});

describe('business time across the Los Angeles DST weekends', () => {
  test.each([
    ['a full week across spring-forward is still 45 business hours', '2026-03-02T08:00:00Z', '2026-03-09T07:00:00Z', 45 * HOUR],
    ['a full week across fall-back is still 45 business hours', '2026-10-26T07:00:00Z', '2026-11-02T08:00:00Z', 45 * HOUR],
    ['Friday 17:00 PST to Monday 10:00 PDT is 2 h', '2026-03-07T01:00:00Z', '2026-03-09T17:00:00Z', 2 * HOUR],
    ['Friday 17:00 PDT to Monday 10:00 PST is 2 h', '2026-10-31T00:00:00Z', '2026-11-02T18:00:00Z', 2 * HOUR],
    ['the 23-hour spring-forward Sunday counts nothing', '2026-03-08T08:00:00Z', '2026-03-09T07:00:00Z', 0],
  ])('%s', (_rule, from, to, expected) => {
    expect(businessTimeBetween(hq, utc(from), utc(to))).toBe(expected);
  });

  test.each([
    ['Friday 17:00 PST + 2 business hours is Monday 10:00 PDT', '2026-03-07T01:00:00Z', 2 * HOUR, '2026-03-09T17:00:00Z'],
    ['Friday 17:59 PST + 1 business minute is Friday 18:00 PST', '2026-03-07T01:59:00Z', 1 * MINUTE, '2026-03-07T02:00:00Z'],
    ['Friday 17:59 PDT + 2 business minutes is Monday 09:01 PST', '2026-10-31T00:59:00Z', 2 * MINUTE, '2026-11-02T17:01:00Z'],
    ['Saturday before spring-forward + 9 business hours is Monday 18:00 PDT', '2026-03-07T20:00:00Z', 9 * HOUR, '2026-03-10T01:00:00Z'],
  ])('%s', (_rule, from, amount, expected) => {
    expect(addBusinessTime(hq, utc(from), amount)).toBe(utc(expected));
  });

  test.each([
    ['opened Friday before spring-forward, 1 business day is Monday 18:00 PDT', '2026-03-06T18:00:00Z', 1, '2026-03-10T01:00:00Z'],
    ['opened Saturday before spring-forward, 1 business day is Monday 18:00 PDT', '2026-03-07T20:00:00Z', 1, '2026-03-10T01:00:00Z'],
    ['opened Friday before fall-back, 1 business day is Monday 18:00 PST', '2026-10-30T18:00:00Z', 1, '2026-11-03T02:00:00Z'],
    ['opened Friday 20:00 PDT (Saturday in UTC), 1 business day is Monday 18:00 PST', '2026-10-31T03:00:00Z', 1, '2026-11-03T02:00:00Z'],
  ])('%s', (_rule, from, n, expected) => {
    expect(endOfNthBusinessDay(hq, utc(from), n)).toBe(utc(expected));
  });

  test.each([
    ['01:59 PST before the jump', '2026-03-08T09:59:00Z', '2026-03-08'],
    ['03:00 PDT right after the jump', '2026-03-08T10:00:00Z', '2026-03-08'],
    ['the first 01:30 (PDT) of fall-back night', '2026-11-01T08:30:00Z', '2026-11-01'],
    ['the second 01:30 (PST) of fall-back night', '2026-11-01T09:30:00Z', '2026-11-01'],
    ['23:59 PST on fall-back Sunday', '2026-11-02T07:59:00Z', '2026-11-01'],
    ['00:00 PST on the Monday after', '2026-11-02T08:00:00Z', '2026-11-02'],
  ])('the local date at %s follows the wall clock', (_rule, at, date) => {
    expect(localDateOf(hq, utc(at))).toBe(date);
  });
});

// Decision (README): a wall time maps to the first instant at which the office clock reads that
// time or later — the jump for a skipped time, the earlier instant for a repeated one.
const nightOffice = (sunday: [string, string]): OfficePolicy => ({
  name: 'Night shift',
  timeZone: 'America/Los_Angeles',
  hours: { sun: sunday },
  holidays: [],
  workdays: [],
});

describe('hours that fall into a DST gap or overlap', () => {
  test.each([
    ['opening in the spring-forward gap opens at the jump (03:00 PDT)', ['02:30', '04:00'], '2026-03-08', '2026-03-08T10:00:00Z', '2026-03-08T11:00:00Z'],
    ['hours wholly inside the gap open and close at the jump (no business time)', ['02:00', '02:30'], '2026-03-08', '2026-03-08T10:00:00Z', '2026-03-08T10:00:00Z'],
    ['closing inside the gap closes at the jump', ['01:00', '02:30'], '2026-03-08', '2026-03-08T09:00:00Z', '2026-03-08T10:00:00Z'],
    ['hours inside the fall-back overlap use the first (PDT) occurrence', ['01:00', '01:30'], '2026-11-01', '2026-11-01T08:00:00Z', '2026-11-01T08:30:00Z'],
    ['opening in the overlap, closing after it, spans the real elapsed time', ['01:30', '03:00'], '2026-11-01', '2026-11-01T08:30:00Z', '2026-11-01T11:00:00Z'],
    ['an ordinary Sunday is unaffected', ['02:30', '04:00'], '2026-03-15', '2026-03-15T09:30:00Z', '2026-03-15T11:00:00Z'],
  ] as const)('%s', (_rule, sunday, date, open, close) => {
    const cal = calendarForOffice('night', nightOffice([sunday[0], sunday[1]]));
    expect(businessIntervalOf(cal, date)).toEqual([utc(open), utc(close)]);
  });

  test('a business day whose hours vanish in the gap still ends at its closing instant', () => {
    const cal = calendarForOffice('night', nightOffice(['02:00', '02:30']));
    expect(endOfNthBusinessDay(cal, utc('2026-03-07T20:00:00Z'), 1)).toBe(utc('2026-03-08T10:00:00Z'));
    // …and business time simply carries on to the next Sunday's half hour.
    expect(addBusinessTime(cal, utc('2026-03-07T20:00:00Z'), 10 * MINUTE)).toBe(utc('2026-03-15T09:10:00Z'));
  });
});

// America/Santiago changes at midnight: 2026-09-06 00:00 −04 jumps to 01:00 −03, so that Sunday
// starts at 01:00; on 2026-04-05 00:00 −03 the clock goes back to Saturday 23:00 −04.
describe('a zone whose clocks change at midnight (America/Santiago)', () => {
  const office: OfficePolicy = {
    name: 'Santiago',
    timeZone: 'America/Santiago',
    hours: { sat: ['22:00', '24:00'], sun: ['00:00', '02:00'] },
    holidays: [],
    workdays: [],
  };
  const cal = calendarForOffice('scl', office);

  test('the Sunday that starts at 01:00 opens at 01:00 −03 and keeps one hour', () => {
    expect(businessIntervalOf(cal, '2026-09-06')).toEqual([utc('2026-09-06T04:00:00Z'), utc('2026-09-06T05:00:00Z')]);
    expect(localDateOf(cal, utc('2026-09-06T03:59:59Z'))).toBe('2026-09-05');
    expect(localDateOf(cal, utc('2026-09-06T04:00:00Z'))).toBe('2026-09-06');
  });

  test('the Saturday whose last hour repeats closes at the real midnight', () => {
    // 22:00 −03 = 01:00Z; the wall clock first reads Sunday 00:00 at 04:00Z (after the repeated hour).
    expect(businessIntervalOf(cal, '2026-04-04')).toEqual([utc('2026-04-05T01:00:00Z'), utc('2026-04-05T04:00:00Z')]);
    expect(businessTimeBetween(cal, utc('2026-04-04T12:00:00Z'), utc('2026-04-05T12:00:00Z'))).toBe(5 * HOUR);
  });
});

// America/St_Johns until 2006 fell back at 00:01 NDT to 23:01 NST the day before: its wall clock
// shows Sunday for one minute, then Saturday again. (2006-10-29: NDT = UTC−2:30, NST = UTC−3:30.)
describe('a zone whose clock steps back from one date into the previous one (St. John’s, 2006)', () => {
  const cal = calendarForOffice('yyt', {
    name: 'St. John’s',
    timeZone: 'America/St_Johns',
    hours: { sun: ['00:00', '01:00'] },
    holidays: [],
    workdays: [],
  });

  test('Sunday opens at the first Sunday 00:00 and closes at the first Sunday 01:00', () => {
    expect(businessIntervalOf(cal, '2006-10-29')).toEqual([utc('2006-10-29T02:30:00Z'), utc('2006-10-29T04:30:00Z')]);
  });

  test('the repeated Saturday minutes are already inside Sunday’s business hours', () => {
    const repeatedSaturday = utc('2006-10-29T03:00:00Z');
    expect(localDateOf(cal, repeatedSaturday)).toBe('2006-10-28');
    expect(isOpenAt(cal, repeatedSaturday)).toBe(true);
    expect(businessTimeBetween(cal, utc('2006-10-29T02:00:00Z'), repeatedSaturday)).toBe(30 * MINUTE);
  });
});

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
  nextOpeningAt,
} from '../../lib/calendar';
import type { OfficePolicy } from '../../lib/policy/schema';
import { HOUR, MINUTE, localInstant, samplePolicy } from './local-instant';

const SHANGHAI = 'Asia/Shanghai';
const shanghai = calendarFor(samplePolicy, 'shanghai');
const at = (local: string): number => localInstant(SHANGHAI, local);

// Sample Shanghai office: holidays 2026-09-25 (Fri), 10-01, 10-02, 10-05, 10-06, 10-07;
// make-up workdays Sunday 2026-09-20 and Saturday 2026-10-10.
describe('Shanghai holidays and make-up workdays (sample policy)', () => {
  test.each([
    ['a Sunday make-up workday is a business day', '2026-09-20', true],
    ['a Saturday make-up workday is a business day', '2026-10-10', true],
    ['the Saturday before the make-up Sunday is not', '2026-09-19', false],
    ['a Friday holiday is not', '2026-09-25', false],
    ['National Day is not', '2026-10-01', false],
    ['the Thursday after Golden Week is', '2026-10-08', true],
    ['an ordinary Wednesday is', '2026-09-23', true],
  ])('%s (%s)', (_rule, date, expected) => {
    expect(isBusinessDay(shanghai, date)).toBe(expected);
  });

  test('a make-up workday opens with Monday hours', () => {
    expect(businessIntervalOf(shanghai, '2026-09-20')).toEqual([at('2026-09-20 09:00'), at('2026-09-20 18:00')]);
  });

  test('a holiday has no business interval', () => {
    expect(businessIntervalOf(shanghai, '2026-10-01')).toBeNull();
  });

  test.each([
    ['opened the Saturday before a make-up Sunday, 1 business day is that Sunday 18:00', '2026-09-19 15:00', 1, '2026-09-20 18:00'],
    ['opened on the holiday eve (Thursday), 1 business day skips the holiday and weekend to Monday', '2026-09-24 10:00', 1, '2026-09-28 18:00'],
    ['opened on the eve of National Day, 1 business day is the Thursday after Golden Week', '2026-09-30 10:00', 1, '2026-10-08 18:00'],
    ['opened on the eve of National Day, 3 business days ends on the make-up Saturday', '2026-09-30 10:00', 3, '2026-10-10 18:00'],
    ['opened on the make-up Sunday, 1 business day is Monday', '2026-09-20 10:00', 1, '2026-09-21 18:00'],
  ])('%s', (_rule, opened, n, due) => {
    expect(endOfNthBusinessDay(shanghai, at(opened), n)).toBe(at(due));
  });

  test.each([
    ['Friday 17:00 + 2 business hours reaches into the make-up Sunday', '2026-09-18 17:00', 2 * HOUR, '2026-09-20 10:00'],
    ['holiday eve 17:59 + 2 business minutes is Monday 09:01', '2026-09-24 17:59', 2 * MINUTE, '2026-09-28 09:01'],
    ['on a holiday, 1 business minute is the next business morning', '2026-10-05 11:00', 1 * MINUTE, '2026-10-08 09:01'],
  ])('%s', (_rule, from, amount, expected) => {
    expect(addBusinessTime(shanghai, at(from), amount)).toBe(at(expected));
  });

  test.each([
    ['the weekend with a make-up Sunday holds 9 business hours', '2026-09-19 00:00', '2026-09-21 00:00', 9 * HOUR],
    ['Golden Week Thursday to Thursday holds nothing', '2026-10-01 00:00', '2026-10-08 00:00', 0],
    ['holiday eve to the Monday after holds the rest of Thursday', '2026-09-24 12:00', '2026-09-28 09:00', 6 * HOUR],
  ])('%s', (_rule, from, to, expected) => {
    expect(businessTimeBetween(shanghai, at(from), at(to))).toBe(expected);
  });

  test('open/closed follows holidays and make-up workdays', () => {
    expect(isOpenAt(shanghai, at('2026-09-20 12:00'))).toBe(true);
    expect(isOpenAt(shanghai, at('2026-09-25 12:00'))).toBe(false);
    expect(isOpenAt(shanghai, at('2026-09-21 18:00'))).toBe(false);
    expect(isOpenAt(shanghai, at('2026-09-21 09:00'))).toBe(true);
    expect(nextOpeningAt(shanghai, at('2026-10-01 12:00'))).toBe(at('2026-10-08 09:00'));
    expect(nextOpeningAt(shanghai, at('2026-10-08 12:00'))).toBe(at('2026-10-08 12:00'));
  });
});

describe('holidays in the other sample offices', () => {
  test.each([
    ['hq', 'America/Los_Angeles', 'Thanksgiving eve: 1 business day is Friday', '2026-11-25 10:00', '2026-11-27 18:00'],
    ['hq', 'America/Los_Angeles', 'Christmas Eve (Thursday): 1 business day is the Monday after', '2026-12-24 10:00', '2026-12-28 18:00'],
    ['hq', 'America/Los_Angeles', 'New Year’s Eve 2026: 1 business day is Monday 2027-01-04', '2026-12-31 10:00', '2027-01-04 18:00'],
    ['taichung', 'Asia/Taipei', 'the eve of 2026-10-09: 1 business day is Monday', '2026-10-08 10:00', '2026-10-12 18:00'],
    ['singapore', 'Asia/Singapore', 'the Friday before National Day observed (Mon 2026-08-10): 1 business day is Tuesday', '2026-08-07 10:00', '2026-08-11 18:00'],
    ['malaysia', 'Asia/Kuala_Lumpur', 'the eve of Malaysia Day (Wed 2026-09-16): 1 business day is Thursday', '2026-09-15 10:00', '2026-09-17 18:00'],
    ['malaysia', 'Asia/Kuala_Lumpur', 'the Friday before Merdeka observed (Mon 2026-08-31): 1 business day is Tuesday', '2026-08-28 10:00', '2026-09-01 18:00'],
  ])('%s: %s', (officeId, zone, _rule, opened, due) => {
    const cal = calendarFor(samplePolicy, officeId);
    expect(endOfNthBusinessDay(cal, localInstant(zone, opened), 1)).toBe(localInstant(zone, due));
  });
});

const office = (overrides: Partial<OfficePolicy>): OfficePolicy => ({
  name: 'Test office',
  timeZone: 'Asia/Taipei',
  hours: { mon: ['09:00', '18:00'], tue: ['09:00', '18:00'], wed: ['09:00', '18:00'], thu: ['09:00', '18:00'], fri: ['09:00', '18:00'] },
  holidays: [],
  workdays: [],
  ...overrides,
});

describe('extra working days', () => {
  test('an extra working day that is also listed as a holiday is a working day', () => {
    const cal = calendarForOffice('t', office({ holidays: ['2026-06-13', '2026-06-15'], workdays: ['2026-06-13', '2026-06-15'] }));
    expect(isBusinessDay(cal, '2026-06-13')).toBe(true);
    expect(isBusinessDay(cal, '2026-06-15')).toBe(true);
  });

  test('without Monday hours, an extra working day opens with the first weekday that has hours', () => {
    const cal = calendarForOffice('t', office({
      hours: { wed: ['08:00', '12:00'], fri: ['13:00', '17:00'] },
      workdays: ['2026-06-14'],
    }));
    expect(businessIntervalOf(cal, '2026-06-14')).toEqual([
      localInstant('Asia/Taipei', '2026-06-14 08:00'),
      localInstant('Asia/Taipei', '2026-06-14 12:00'),
    ]);
  });

  test('a weekday off in the weekly hours can be made a working day with Monday hours', () => {
    const cal = calendarForOffice('t', office({ workdays: ['2026-06-13'] }));
    expect(endOfNthBusinessDay(cal, localInstant('Asia/Taipei', '2026-06-12 10:00'), 1)).toBe(
      localInstant('Asia/Taipei', '2026-06-13 18:00'),
    );
  });
});

describe('a calendar with no hours on any weekday never accumulates business time', () => {
  const cal = calendarForOffice('closed', office({ hours: {}, workdays: ['2026-06-13'] }));
  const from = localInstant('Asia/Taipei', '2026-06-08 10:00');

  test('not even an extra working day is a business day (it has no hours to open with)', () => {
    expect(isBusinessDay(cal, '2026-06-13')).toBe(false);
  });
  test('business time between any two instants is 0', () => {
    expect(businessTimeBetween(cal, from, from + 365 * 24 * HOUR)).toBe(0);
  });
  test('adding business time never arrives', () => {
    expect(addBusinessTime(cal, from, MINUTE)).toBe(Number.POSITIVE_INFINITY);
  });
  test('the n-th business day never ends', () => {
    expect(endOfNthBusinessDay(cal, from, 1)).toBe(Number.POSITIVE_INFINITY);
  });
  test('it never opens', () => {
    expect(nextOpeningAt(cal, from)).toBe(Number.POSITIVE_INFINITY);
  });
  test('adding nothing still returns the start', () => {
    expect(addBusinessTime(cal, from, 0)).toBe(from);
  });
});

import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  addBusinessTime,
  businessIntervalOf,
  businessTimeBetween,
  calendarForOffice,
  endOfNthBusinessDay,
  calendarFor,
  isBusinessDay,
  isOpenAt,
  localDateOf,
  nextOpeningAt,
} from '../../lib/calendar';
import { anyOffice, interestingInstant, openOffice, ordinaryOffice } from './arbitrary-office';
import { DAY, HOUR, MINUTE, localInstant, samplePolicy } from './local-instant';
import {
  naiveAddBusinessTime,
  naiveBusinessTimeBetween,
  naiveEndOfNthBusinessDay,
  naiveIsBusinessMinute,
} from './naive-business-time';

/** The naive reference is slow by design; a loaded machine must not fail it. */
const NAIVE_TIMEOUT = 60_000;

/** An arbitrary millisecond near an interesting date (not minute-aligned). */
const anyMs = fc.tuple(interestingInstant, fc.integer({ min: 0, max: MINUTE - 1 })).map(([at, ms]) => at + ms);

describe('agreement with the naive minute-by-minute reference (small spans)', () => {
  test('businessTimeBetween counts the same minutes', () => {
    fc.assert(
      fc.property(ordinaryOffice, interestingInstant, fc.integer({ min: 0, max: 3 * 24 * 60 }), (office, from, minutes) => {
        const cal = calendarForOffice('gen', office);
        const to = from + minutes * MINUTE;
        expect(businessTimeBetween(cal, from, to)).toBe(naiveBusinessTimeBetween(office, from, to));
      }),
      { numRuns: 200 },
    );
  }, NAIVE_TIMEOUT);

  test('addBusinessTime reaches the amount at the same minute', () => {
    fc.assert(
      // The amount is a share of what the next 5 days hold, so sparse offices stay cheap to check;
      // a share of 1000‰ ends exactly on a closing time.
      fc.property(ordinaryOffice, interestingInstant, fc.integer({ min: 0, max: 1000 }), (office, from, perMille) => {
        const cal = calendarForOffice('gen', office);
        const horizon = 5 * 24 * 60;
        const available = naiveBusinessTimeBetween(office, from, from + horizon * MINUTE) / MINUTE;
        const minutes = Math.floor((available * perMille) / 1000);
        expect(addBusinessTime(cal, from, minutes * MINUTE)).toBe(naiveAddBusinessTime(office, from, minutes, horizon));
      }),
      { numRuns: 80 },
    );
  }, NAIVE_TIMEOUT);

  test('endOfNthBusinessDay lands on the same closing time', () => {
    fc.assert(
      fc.property(
        ordinaryOffice.filter((office) => Object.keys(office.hours).length > 0),
        interestingInstant,
        fc.integer({ min: 1, max: 6 }),
        (office, from, n) => {
          const cal = calendarForOffice('gen', office);
          expect(endOfNthBusinessDay(cal, from, n)).toBe(naiveEndOfNthBusinessDay(office, from, n));
        },
      ),
      { numRuns: 200 },
    );
  }, NAIVE_TIMEOUT);

  test('isOpenAt is the naive business-minute test', () => {
    fc.assert(
      fc.property(ordinaryOffice, interestingInstant, (office, at) => {
        expect(isOpenAt(calendarForOffice('gen', office), at)).toBe(naiveIsBusinessMinute(office, at));
      }),
      { numRuns: 500 },
    );
  }, NAIVE_TIMEOUT);
});

describe('invariants for any office, zone and hours (including DST gaps and midnight changes)', () => {
  test('business time is additive: t(a,c) = t(a,b) + t(b,c) for a <= b <= c', () => {
    fc.assert(
      fc.property(anyOffice, anyMs, fc.integer({ min: 0, max: 30 * DAY }), fc.integer({ min: 0, max: 30 * DAY }), (office, a, ab, bc) => {
        const cal = calendarForOffice('gen', office);
        const b = a + ab;
        const c = b + bc;
        expect(businessTimeBetween(cal, a, c)).toBe(businessTimeBetween(cal, a, b) + businessTimeBetween(cal, b, c));
      }),
      { numRuns: 300 },
    );
  });

  test('business time is never negative and never more than the wall time between', () => {
    fc.assert(
      fc.property(anyOffice, anyMs, anyMs, (office, from, to) => {
        const counted = businessTimeBetween(calendarForOffice('gen', office), from, to);
        expect(counted).toBeGreaterThanOrEqual(0);
        expect(counted).toBeLessThanOrEqual(Math.max(0, to - from));
      }),
      { numRuns: 300 },
    );
  });

  test('addBusinessTime is the exact inverse of businessTimeBetween, and the earliest such instant', () => {
    fc.assert(
      fc.property(openOffice, anyMs, fc.integer({ min: 0, max: 200 * HOUR }), (office, from, amount) => {
        const cal = calendarForOffice('gen', office);
        const due = addBusinessTime(cal, from, amount);
        expect(due).toBeGreaterThanOrEqual(from);
        expect(businessTimeBetween(cal, from, due)).toBe(amount);
        if (amount > 0) expect(businessTimeBetween(cal, from, due - 1)).toBeLessThan(amount);
      }),
      { numRuns: 300 },
    );
  });

  test('addBusinessTime never goes back as the amount grows', () => {
    fc.assert(
      fc.property(openOffice, anyMs, fc.integer({ min: 0, max: 100 * HOUR }), fc.integer({ min: 0, max: 100 * HOUR }), (office, from, x, extra) => {
        const cal = calendarForOffice('gen', office);
        expect(addBusinessTime(cal, from, x + extra)).toBeGreaterThanOrEqual(addBusinessTime(cal, from, x));
      }),
      { numRuns: 200 },
    );
  });

  test('endOfNthBusinessDay rises strictly with n, always at the closing time of the n-th business day after the start date', () => {
    fc.assert(
      fc.property(openOffice, anyMs, fc.integer({ min: 1, max: 25 }), (office, from, n) => {
        const cal = calendarForOffice('gen', office);
        const fromDate = localDateOf(cal, from);
        let previous = from;
        let date = fromDate;
        for (let k = 1; k <= n; k++) {
          const eod = endOfNthBusinessDay(cal, from, k);
          expect(eod).toBeGreaterThan(previous);
          // Walk local dates independently to the k-th business day after the start date.
          do date = nextIsoDate(date);
          while (!isBusinessDay(cal, date));
          expect(businessIntervalOf(cal, date)?.[1]).toBe(eod);
          previous = eod;
        }
      }),
      { numRuns: 150 },
    );
  });

  test('the business time up to the n-th EOD, added back, lands exactly on that EOD (also across many 64-day chunks)', () => {
    fc.assert(
      fc.property(
        ordinaryOffice.filter((office) => Object.keys(office.hours).length > 0),
        anyMs,
        fc.integer({ min: 1, max: 300 }),
        (office, from, n) => {
          const cal = calendarForOffice('gen', office);
          const eod = endOfNthBusinessDay(cal, from, n);
          expect(addBusinessTime(cal, from, businessTimeBetween(cal, from, eod))).toBe(eod);
        },
      ),
      { numRuns: 300 },
    );
  });

  test('nextOpeningAt is where the first business millisecond after a closed instant is counted', () => {
    fc.assert(
      fc.property(openOffice, anyMs, (office, at) => {
        const cal = calendarForOffice('gen', office);
        const opening = nextOpeningAt(cal, at);
        expect(opening).toBeGreaterThanOrEqual(at);
        expect(businessTimeBetween(cal, at, opening)).toBe(0);
        expect(addBusinessTime(cal, at, 1)).toBe(opening + 1);
      }),
      { numRuns: 300 },
    );
  });
});

describe('spans of a year', () => {
  // Count 2026's business days from the office definition with plain UTC date arithmetic.
  const businessDaysIn2026 = (hours: readonly string[], holidays: readonly string[], workdays: readonly string[]): number => {
    const keys = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
    let count = 0;
    for (let at = Date.UTC(2026, 0, 1); at < Date.UTC(2027, 0, 1); at += DAY) {
      const iso = new Date(at).toISOString().slice(0, 10);
      const scheduled = hours.includes(keys[new Date(at).getUTCDay()]!);
      if (workdays.includes(iso) || (scheduled && !holidays.includes(iso))) count++;
    }
    return count;
  };

  test.each([
    ['hq', 'America/Los_Angeles'],
    ['shanghai', 'Asia/Shanghai'],
    ['taichung', 'Asia/Taipei'],
    ['singapore', 'Asia/Singapore'],
    ['malaysia', 'Asia/Kuala_Lumpur'],
  ])('%s: all of 2026 holds 9 h for each business day, and adding it back ends on the last one', (officeId, zone) => {
    const office = samplePolicy.offices[officeId]!;
    const cal = calendarFor(samplePolicy, officeId);
    const days = businessDaysIn2026(Object.keys(office.hours), office.holidays, office.workdays);
    const yearStart = localInstant(zone, '2026-01-01 00:00');
    const yearEnd = localInstant(zone, '2027-01-01 00:00');
    expect(businessTimeBetween(cal, yearStart, yearEnd)).toBe(days * 9 * HOUR);
    expect(addBusinessTime(cal, yearStart, days * 9 * HOUR)).toBe(localInstant(zone, '2026-12-31 18:00'));
    expect(endOfNthBusinessDay(cal, localInstant(zone, '2025-12-31 12:00'), days)).toBe(localInstant(zone, '2026-12-31 18:00'));
  });
});

function nextIsoDate(iso: string): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + DAY).toISOString().slice(0, 10);
}

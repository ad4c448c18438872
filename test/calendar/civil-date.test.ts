import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  dayNumberFromIso,
  isoFromDayNumber,
  minutesFromHhMm,
  weekdayIndexOf,
} from '../../lib/calendar/civil-date';

const DAY = 86_400_000;

describe('local dates as day numbers', () => {
  test('day numbers agree with Date.UTC for every day from year 1 to 9999', () => {
    const firstDay = -719_162; // 0001-01-01
    const lastDay = 2_932_896; // 9999-12-31
    fc.assert(
      fc.property(fc.integer({ min: firstDay, max: lastDay }), (day) => {
        const iso = new Date(day * DAY).toISOString().slice(0, 10);
        expect(isoFromDayNumber(day)).toBe(iso);
        expect(dayNumberFromIso(iso)).toBe(day);
      }),
    );
    expect(isoFromDayNumber(firstDay)).toBe('0001-01-01');
    expect(isoFromDayNumber(lastDay)).toBe('9999-12-31');
  });

  test('weekday index counts Monday as 0 and Sunday as 6, like the policy keys', () => {
    fc.assert(
      fc.property(fc.integer({ min: -200_000, max: 200_000 }), (day) => {
        const jsDay = new Date(day * DAY).getUTCDay(); // 0 = Sunday
        expect(weekdayIndexOf(day)).toBe((jsDay + 6) % 7);
      }),
    );
  });

  test.each(['2026-02-29', '2026-13-01', '2026-00-10', '2026-1-01', '26-01-01', '2026-01-01T00:00', ''])(
    '"%s" is not accepted as a date',
    (iso) => {
      expect(() => dayNumberFromIso(iso)).toThrow(RangeError);
    },
  );

  test('a leap day is accepted', () => {
    expect(isoFromDayNumber(dayNumberFromIso('2028-02-29'))).toBe('2028-02-29');
  });
});

describe('times of day', () => {
  test.each([
    ['00:00', 0],
    ['09:00', 540],
    ['17:59', 1079],
    ['24:00', 1440],
  ])('%s is %i minutes after midnight', (hhmm, minutes) => {
    expect(minutesFromHhMm(hhmm)).toBe(minutes);
  });
  test.each(['24:01', '25:00', '9:00', '09:0', '12:60', 'noon'])('"%s" is refused', (hhmm) => {
    expect(() => minutesFromHhMm(hhmm)).toThrow(RangeError);
  });
});

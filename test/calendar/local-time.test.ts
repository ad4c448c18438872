import { TZDate } from '@date-fns/tz';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { calendarFor, calendarForOffice, formatLocal, localDateOf, localWallTimeOf } from '../../lib/calendar';
import { awkwardZones, ordinaryZones } from './arbitrary-office';
import { samplePolicy } from './local-instant';

const officeIn = (timeZone: string) =>
  calendarForOffice('z', { name: 'z', timeZone, hours: { mon: ['09:00', '18:00'] }, holidays: [], workdays: [] });

describe('the office wall clock', () => {
  test('reads what TZDate reads, to the second, in every zone and across DST changes', () => {
    const calendars = new Map([...ordinaryZones, ...awkwardZones].map((zone) => [zone, officeIn(zone)]));
    fc.assert(
      fc.property(
        fc.constantFrom(...ordinaryZones, ...awkwardZones),
        fc.integer({ min: Date.parse('2000-01-01T00:00:00Z') / 1000, max: Date.parse('2030-01-01T00:00:00Z') / 1000 }),
        (zone, seconds) => {
          const atMs = seconds * 1000;
          const local = new TZDate(atMs, zone);
          const wall = Date.UTC(local.getFullYear(), local.getMonth(), local.getDate(), local.getHours(), local.getMinutes(), local.getSeconds());
          const cal = calendars.get(zone)!;
          expect(localWallTimeOf(cal, atMs)).toBe(wall);
          expect(localDateOf(cal, atMs)).toBe(new Date(wall).toISOString().slice(0, 10));
        },
      ),
      { numRuns: 2000 },
    );
  });

  test.each([
    ['hq', '2026-03-09T16:00:00Z', 'EEE yyyy-MM-dd HH:mm', 'Mon 2026-03-09 09:00'],
    ['hq', '2026-11-01T09:30:00Z', 'HH:mm xxx', '01:30 -08:00'],
    ['hq', '2026-11-01T08:30:00Z', 'HH:mm xxx', '01:30 -07:00'],
    ['shanghai', '2026-09-20T01:00:00Z', 'EEE HH:mm', 'Sun 09:00'],
    ['taichung', '2026-10-08T10:00:00Z', 'yyyy-MM-dd HH:mm', '2026-10-08 18:00'],
  ])('formatLocal in %s shows %s as the office sees it', (officeId, iso, pattern, expected) => {
    expect(formatLocal(calendarFor(samplePolicy, officeId), Date.parse(iso), pattern)).toBe(expected);
  });
});

import fc from 'fast-check';
import { weekdayKeys, type OfficePolicy, type WeekdayKey } from '../../lib/policy/schema';
import { DAY, MINUTE } from './local-instant';

/** fast-check generators for offices and instants around the interesting dates of 2026. */

const hhmm = (minutes: number): string =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** The five offices' zones plus zones with other DST rules and odd offsets. */
export const ordinaryZones = [
  'America/Los_Angeles',
  'Asia/Shanghai',
  'Asia/Taipei',
  'Asia/Singapore',
  'Asia/Kuala_Lumpur',
  'Europe/London',
  'Australia/Sydney',
  'America/New_York',
  'Asia/Kathmandu',
] as const;
/** Zones whose transitions touch midnight or move by half an hour. */
export const awkwardZones = ['America/St_Johns', 'America/Santiago', 'Australia/Lord_Howe', 'Pacific/Chatham', 'America/Havana'] as const;

/** Dates next to DST changes in the zones above (St. John's stepped back over midnight in 2006), and the sample's holiday season. */
const anchors = [
  '2026-03-08', '2026-11-01', '2026-03-29', '2026-10-25', '2026-04-05', '2026-10-04',
  '2026-09-06', '2026-09-20', '2026-10-01', '2026-12-25', '2026-06-10', '2006-10-29',
].map((iso) => Date.parse(`${iso}T00:00:00Z`));

/** A whole-minute instant within a week of an anchor date or anywhere in 2026. */
export const interestingInstant = fc.oneof(
  fc.tuple(fc.constantFrom(...anchors), fc.integer({ min: -7 * 24 * 60, max: 7 * 24 * 60 })).map(([anchor, minutes]) => anchor + minutes * MINUTE),
  fc.integer({ min: 0, max: 365 * 24 * 60 }).map((minutes) => Date.parse('2026-01-01T00:00:00Z') + minutes * MINUTE),
);

/**
 * Weekly hours with each day open between `earliest` and 24:00 (minutes after midnight);
 * ordinary offices open no earlier than 05:00 so no DST gap or overlap touches their hours.
 */
const weeklyHours = (earliest: number): fc.Arbitrary<Partial<Record<WeekdayKey, [string, string]>>> =>
  fc
    .tuple(
      ...weekdayKeys.map(() =>
        fc.option(
          fc
            .tuple(fc.integer({ min: earliest / 15, max: 95 }), fc.integer({ min: 1, max: 96 }))
            .map(([openQuarter, lengthQuarters]): [string, string] => {
              const open = openQuarter * 15;
              const close = Math.min(1440, open + lengthQuarters * 15);
              return [hhmm(open), hhmm(close)];
            }),
          { nil: undefined, freq: 3 },
        ),
      ),
    )
    .map((ranges) => {
      const hours: Partial<Record<WeekdayKey, [string, string]>> = {};
      weekdayKeys.forEach((key, index) => {
        const range = ranges[index];
        if (range) hours[key] = range;
      });
      return hours;
    });

/** Dates (local) within ±10 days of the anchors, to be holidays or extra working days. */
const nearbyDates = fc.uniqueArray(
  fc.tuple(fc.constantFrom(...anchors), fc.integer({ min: -10, max: 10 })).map(([anchor, days]) =>
    new Date(anchor + days * DAY).toISOString().slice(0, 10),
  ),
  { maxLength: 8 },
);

const officeFrom = (zone: fc.Arbitrary<string>, earliest: number): fc.Arbitrary<OfficePolicy> =>
  fc.record({
    name: fc.constant('Generated office'),
    timeZone: zone,
    hours: weeklyHours(earliest),
    holidays: nearbyDates,
    workdays: nearbyDates,
  });

/** Offices whose hours stay clear of DST changes: the naive reference applies. */
export const ordinaryOffice = officeFrom(fc.constantFrom(...ordinaryZones), 5 * 60);
/** Any hours (midnight openings, hours in DST gaps) in any of the zones. */
export const anyOffice = officeFrom(fc.constantFrom(...ordinaryZones, ...awkwardZones), 0);
/** Ordinary offices that open at least one weekday, so business time always accumulates. */
export const openOffice = anyOffice.filter((office) => Object.keys(office.hours).length > 0);

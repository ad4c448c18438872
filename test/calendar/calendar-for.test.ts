import { describe, expect, test } from 'vitest';
import { calendarFor, calendarForOffice, addBusinessTime, businessTimeBetween, endOfNthBusinessDay } from '../../lib/calendar';
import type { OfficePolicy, Policy } from '../../lib/policy/schema';
import { samplePolicy } from './local-instant';

describe('calendarFor picks the ticket’s office', () => {
  test.each([
    ['a known office gets its own calendar', 'shanghai', 'shanghai', 'Asia/Shanghai'],
    ['null means the policy’s default office', null, 'hq', 'America/Los_Angeles'],
    ['an office the policy does not know means the default office', 'atlantis', 'hq', 'America/Los_Angeles'],
    ['an inherited object key is not an office', 'toString', 'hq', 'America/Los_Angeles'],
  ])('%s', (_rule, officeId, expectedId, expectedZone) => {
    const cal = calendarFor(samplePolicy, officeId);
    expect(cal.id).toBe(expectedId);
    expect(cal.timeZone).toBe(expectedZone);
  });

  test('the same policy object and office give the same calendar (its caches are reused)', () => {
    expect(calendarFor(samplePolicy, 'taichung')).toBe(calendarFor(samplePolicy, 'taichung'));
    expect(calendarFor(samplePolicy, null)).toBe(calendarFor(samplePolicy, 'hq'));
    expect(calendarFor(samplePolicy, 'atlantis')).toBe(calendarFor(samplePolicy, 'hq'));
  });

  test('another policy object gets its own calendars (an edited policy is never served stale)', () => {
    const edited: Policy = structuredClone(samplePolicy);
    expect(calendarFor(edited, 'hq')).not.toBe(calendarFor(samplePolicy, 'hq'));
  });

  test('a policy whose default office does not exist is an error naming it', () => {
    const broken: Policy = { ...structuredClone(samplePolicy), defaultOffice: 'nowhere' };
    expect(() => calendarFor(broken, null)).toThrow(/"nowhere"/);
  });
});

const validOffice: OfficePolicy = {
  name: 'x',
  timeZone: 'Asia/Singapore',
  hours: { mon: ['09:00', '18:00'] },
  holidays: [],
  workdays: [],
};

describe('a malformed office is refused with a message naming the problem', () => {
  test.each([
    ['an unknown time zone', { timeZone: 'Mars/Olympus_Mons' }, /Mars\/Olympus_Mons/],
    ['hours that close before they open', { hours: { tue: ['18:00', '09:00'] } }, /tue.*18:00–09:00/],
    ['hours that are not HH:MM', { hours: { mon: ['9am', '18:00'] } }, /"9am"/],
    ['a minute past 59', { hours: { mon: ['09:60', '18:00'] } }, /"09:60"/],
    ['a holiday that is not a real date', { holidays: ['2026-02-30'] }, /holidays.*2026-02-30/],
    ['a workday in the wrong format', { workdays: ['2026/10/10'] }, /workdays.*2026\/10\/10/],
  ] as const)('%s', (_rule, overrides, message) => {
    expect(() => calendarForOffice('bad', { ...validOffice, ...overrides } as OfficePolicy)).toThrow(message);
  });
});

describe('arguments outside the contract are refused or answered by the documented rule', () => {
  const cal = calendarForOffice('sg', validOffice);
  const monday = Date.parse('2026-06-08T02:00:00Z');
  test.each([0, -1, 1.5, Number.NaN])('endOfNthBusinessDay with n = %s throws', (n) => {
    expect(() => endOfNthBusinessDay(cal, monday, n)).toThrow(RangeError);
  });
  test.each([Number.NaN, Number.POSITIVE_INFINITY])('a start of %s throws', (from) => {
    expect(() => addBusinessTime(cal, from, 1)).toThrow(RangeError);
    expect(() => endOfNthBusinessDay(cal, from, 1)).toThrow(RangeError);
  });
  test('a negative amount of business time returns the start', () => {
    expect(addBusinessTime(cal, monday, -5)).toBe(monday);
  });
  test('an infinite amount of business time is never reached', () => {
    expect(addBusinessTime(cal, monday, Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
  });
  test('business time up to forever is infinite for an office that opens', () => {
    expect(businessTimeBetween(cal, monday, Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
  });
});

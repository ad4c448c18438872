import { describe, expect, it } from 'vitest';
import { inQuietHours, quietHoursEnd, type QuietHours } from '../../lib/alarms';

const weekdays: QuietHours['days'] = ['mon', 'tue', 'wed', 'thu', 'fri'];
const overnight: QuietHours = { enabled: true, start: '19:00', end: '08:00', days: weekdays, timeZone: null };
const lunch: QuietHours = { enabled: true, start: '12:00', end: '13:00', days: ['mon'], timeZone: null };
const shanghai = 'Asia/Shanghai';

describe('quiet hours', () => {
  const cases: Array<[string, QuietHours, string, boolean]> = [
    ['an overnight window starts at its start time', overnight, '2026-07-14T11:00:00Z', true], // Tue 19:00 Shanghai
    ['one minute before the start is not quiet', overnight, '2026-07-14T10:59:00Z', false],
    ['the window continues past midnight', overnight, '2026-07-14T23:00:00Z', true], // Wed 07:00
    ['the end time itself is no longer quiet', overnight, '2026-07-15T00:00:00Z', false], // Wed 08:00
    ["Friday night's window covers Saturday morning", overnight, '2026-07-17T23:00:00Z', true], // Sat 07:00
    ['Saturday evening is not quiet when only weekdays are chosen', overnight, '2026-07-18T12:00:00Z', false], // Sat 20:00
    ["Sunday night's window is not chosen, so Monday 07:00 is not quiet", overnight, '2026-07-19T23:00:00Z', false],
    ['a same-day window on a chosen day', lunch, '2026-07-13T04:30:00Z', true], // Mon 12:30
    ['a same-day window on another day', lunch, '2026-07-14T04:30:00Z', false],
    ['disabled quiet hours are never quiet', { ...overnight, enabled: false }, '2026-07-14T23:00:00Z', false],
    ['equal start and end mean the whole chosen day', { ...lunch, end: '12:00' }, '2026-07-13T20:00:00Z', false], // Tue 04:00
  ];
  it.each(cases)('%s', (_rule, quiet, now, expected) => {
    expect(inQuietHours(quiet, new Date(now), shanghai)).toBe(expected);
  });

  it('ends at the end time the next morning', () => {
    expect(quietHoursEnd(overnight, new Date('2026-07-14T12:00:00Z'), shanghai)).toEqual(new Date('2026-07-15T00:00:00Z'));
  });

  it('ends at midnight for a whole-day window', () => {
    const allMonday: QuietHours = { ...lunch, end: '12:00' };
    expect(quietHoursEnd(allMonday, new Date('2026-07-13T02:00:00Z'), shanghai)).toEqual(new Date('2026-07-13T16:00:00Z'));
  });

  it('has no end outside quiet hours', () => {
    expect(quietHoursEnd(overnight, new Date('2026-07-14T03:00:00Z'), shanghai)).toBeNull();
  });
});

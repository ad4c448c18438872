import { TZDate } from '@date-fns/tz';
import type { NotificationSettings, Weekday } from '../storage/settings';

/**
 * Quiet hours: a daily window in the engineer's local time, on chosen days. A window that
 * crosses midnight belongs to the day it starts (Friday 19:00–08:00 covers Saturday 07:00).
 * Equal start and end mean the whole day.
 */

export type QuietHours = NotificationSettings['quietHours'];

const WEEKDAYS: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const MS_PER_DAY = 86_400_000;

const minutesOf = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

function localParts(now: Date, timeZone: string) {
  const local = new TZDate(now.getTime(), timeZone);
  return {
    weekday: WEEKDAYS[local.getDay()] as Weekday,
    previousWeekday: WEEKDAYS[(local.getDay() + 6) % 7] as Weekday,
    minutes: local.getHours() * 60 + local.getMinutes(),
    local,
  };
}

export function inQuietHours(quiet: QuietHours, now: Date, timeZone: string): boolean {
  if (!quiet.enabled || quiet.days.length === 0) return false;
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  const { weekday, previousWeekday, minutes } = localParts(now, timeZone);
  if (start === end) return quiet.days.includes(weekday);
  if (start < end) return quiet.days.includes(weekday) && minutes >= start && minutes < end;
  return (quiet.days.includes(weekday) && minutes >= start) || (quiet.days.includes(previousWeekday) && minutes < end);
}

/** The first instant after `now` at which quiet hours are over; null when not in quiet hours. */
export function quietHoursEnd(quiet: QuietHours, now: Date, timeZone: string): Date | null {
  if (!inQuietHours(quiet, now, timeZone)) return null;
  const { local } = localParts(now, timeZone);
  const end = minutesOf(quiet.end);
  // Candidate ends: the end time (and, for whole-day windows, midnight) on each of the next 8 local days.
  for (let day = 0; day <= 8; day++) {
    for (const minute of [0, end]) {
      const at = new TZDate(local.getFullYear(), local.getMonth(), local.getDate() + day, Math.floor(minute / 60), minute % 60, timeZone);
      const candidate = new Date(at.getTime());
      if (candidate.getTime() > now.getTime() && !inQuietHours(quiet, candidate, timeZone)) return candidate;
    }
  }
  return new Date(now.getTime() + 8 * MS_PER_DAY); // every day is quiet: look again in a week
}

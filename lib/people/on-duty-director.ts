import { ownValue } from '../policy/reserved-names';
import { TZDate } from '@date-fns/tz';
import { isKnownTimeZone } from '../policy/time-zone';
import type { Directory, DirectorRotation, Person } from './directory-schema';

/**
 * The on-duty Escalation Director: a weekly rotation per office, handing over at a local time
 * (so a DST change moves the handover with the office's clocks, not with UTC).
 */

export interface OnDutyDirector {
  current: { person: Person; since: Date; until: Date };
  next: { person: Person; from: Date };
}

const MS_PER_DAY = 86_400_000;

function dayNumber(year: number, monthIndex: number, day: number): number {
  return Math.floor(Date.UTC(year, monthIndex, day) / MS_PER_DAY);
}

function handoverInstant(rotation: DirectorRotation, day: number): Date {
  const date = new Date(day * MS_PER_DAY);
  const [hours, minutes] = rotation.handoverTime.split(':').map(Number);
  const local = new TZDate(
    date.getUTCFullYear(),
    date.getUTCMonth(),
    date.getUTCDate(),
    hours ?? 0,
    minutes ?? 0,
    rotation.timeZone,
  );
  return new Date(local.getTime());
}

const mod = (a: number, n: number) => ((a % n) + n) % n;

export function onDutyFromRotation(rotation: DirectorRotation, now: Date): OnDutyDirector | null {
  const count = rotation.people.length;
  if (count === 0 || !isKnownTimeZone(rotation.timeZone)) return null;
  const [ay, am, ad] = rotation.anchorDate.split('-').map(Number);
  const anchorDay = dayNumber(ay ?? 1970, (am ?? 1) - 1, ad ?? 1);
  const local = new TZDate(now.getTime(), rotation.timeZone);
  let today = dayNumber(local.getFullYear(), local.getMonth(), local.getDate());
  // Before today's handover time it is still yesterday's shift.
  if (now.getTime() < handoverInstant(rotation, today).getTime()) today -= 1;
  const week = Math.floor((today - anchorDay) / 7);
  const startDay = anchorDay + week * 7;
  const until = handoverInstant(rotation, startDay + 7);
  const current = rotation.people[mod(week, count)];
  const next = rotation.people[mod(week + 1, count)];
  // A rotation that does not compute (a date out of range) names nobody rather than `undefined`.
  if (!current || !next || !Number.isFinite(until.getTime())) return null;
  return { current: { person: current, since: handoverInstant(rotation, startDay), until }, next: { person: next, from: until } };
}

/** Who is on duty for the office now, and who is next; null when the office has no rotation. */
export function onDutyDirector(directory: Directory, officeId: string, now: Date): OnDutyDirector | null {
  const rotation = ownValue(directory.directorRotations, officeId);
  return rotation ? onDutyFromRotation(rotation, now) : null;
}

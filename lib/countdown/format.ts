/**
 * Durations as agents read them on a badge: "1 h 05 min", "12 min", "40 s", "overdue 3 min".
 * Remaining time is floored (a deadline 59 s away is not "1 min" away); overdue time is floored
 * too, so "overdue 1 min" appears a full minute after the deadline, never early.
 */

/** Words around the numbers; English by default, the UI passes the translated ones. */
export interface CountdownWords {
  day: string;
  hour: string;
  minute: string;
  second: string;
  /** '$1' is replaced by the formatted duration. */
  overdue: string;
}

export const englishCountdownWords: CountdownWords = {
  day: 'd',
  hour: 'h',
  minute: 'min',
  second: 's',
  overdue: 'overdue $1',
};

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const twoDigits = (n: number): string => String(n).padStart(2, '0');

/** A non-negative duration in the largest two units that matter. */
export function formatDuration(ms: number, words: CountdownWords = englishCountdownWords): string {
  const total = Math.max(0, Math.floor(ms));
  if (total >= DAY) {
    const days = Math.floor(total / DAY);
    const hours = Math.floor((total % DAY) / HOUR);
    return `${days} ${words.day} ${twoDigits(hours)} ${words.hour}`;
  }
  if (total >= HOUR) {
    const hours = Math.floor(total / HOUR);
    const minutes = Math.floor((total % HOUR) / MINUTE);
    return `${hours} ${words.hour} ${twoDigits(minutes)} ${words.minute}`;
  }
  if (total >= MINUTE) return `${Math.floor(total / MINUTE)} ${words.minute}`;
  return `${Math.floor(total / SECOND)} ${words.second}`;
}

/** Time left until a deadline (`ms` > 0) or how long it has been overdue (`ms` <= 0). */
export function formatCountdown(ms: number, words: CountdownWords = englishCountdownWords): string {
  if (ms > 0) return formatDuration(ms, words);
  // The deadline instant itself already counts as overdue (SPEC §2: boundaries are inclusive).
  return words.overdue.replace('$1', formatDuration(-ms, words));
}

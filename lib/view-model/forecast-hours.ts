import type { ForecastItem } from '../messages/forecast-view';

/**
 * The forecast list's rows: an hour heading, then that hour's events, hours on the engineer's
 * own clock (a zone with a half-hour offset starts its hours at :30 UTC). Pure apart from Intl.
 */

export type ForecastRow =
  | { kind: 'hour'; key: string; startsAt: number; count: number }
  | { kind: 'event'; key: string; item: ForecastItem };

const minuteFormatters = new Map<string, Intl.DateTimeFormat>();

/** Minutes past the hour at `atMs` on the wall clock of `timeZone`. */
function minutesPastHour(atMs: number, timeZone: string): number {
  let formatter = minuteFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone, minute: 'numeric' });
    minuteFormatters.set(timeZone, formatter);
  }
  return Number(formatter.format(atMs));
}

/** The start of the local hour holding `atMs` (whole minutes; seconds dropped). */
export function localHourStart(atMs: number, timeZone: string): number {
  const minute = Math.floor(atMs / 60_000) * 60_000;
  return minute - minutesPastHour(atMs, timeZone) * 60_000;
}

/** `items` (sorted by instant) as hour headings and events, the heading counting its events. */
export function forecastRows(items: readonly ForecastItem[], timeZone: string): ForecastRow[] {
  const rows: ForecastRow[] = [];
  let heading: Extract<ForecastRow, { kind: 'hour' }> | null = null;
  items.forEach((item, index) => {
    const startsAt = localHourStart(item.at, timeZone);
    if (!heading || heading.startsAt !== startsAt) {
      heading = { kind: 'hour', key: `hour-${startsAt}`, startsAt, count: 0 };
      rows.push(heading);
    }
    heading.count++;
    rows.push({ kind: 'event', key: `${item.uid}#${index}`, item });
  });
  return rows;
}

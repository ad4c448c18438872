/**
 * Instants as the UI shows them, in a chosen IANA zone and the UI language (see `uiLanguage`):
 * the one place the extension writes a date or a time for people to read. Building an
 * Intl.DateTimeFormat is costly (a popup shows hundreds of times), so one is kept per
 * (locale, zone, style).
 *
 * Hours: English is written on a 24-hour clock, as it always has been here (offices hand over
 * across zones; tests pin "Tue, Jul 14, 16:00"); every other language as its own convention has
 * it — zh-TW "下午4:05", zh-CN "16:05".
 */

/** `dateTime` "Tue, Jul 14, 16:00"; `time` "16:00"; `weekdayTime` "Tue 16:00". */
export type InstantStyle = 'dateTime' | 'time' | 'weekdayTime';

const formatters = new Map<string, Intl.DateTimeFormat>();

function hourOptions(locale: string): Intl.DateTimeFormatOptions {
  const twentyFour: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
  if (/^en(?:[-_]|$)/i.test(locale)) return twentyFour;
  const cycle = new Intl.DateTimeFormat(locale, { hour: 'numeric' }).resolvedOptions().hourCycle;
  return cycle === 'h11' || cycle === 'h12' ? { hour: 'numeric', minute: '2-digit' } : twentyFour;
}

const dayOptions: Record<InstantStyle, Intl.DateTimeFormatOptions> = {
  dateTime: { weekday: 'short', month: 'short', day: 'numeric' },
  time: {},
  weekdayTime: { weekday: 'short' },
};

function formatterFor(locale: string, timeZone: string, style: InstantStyle): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${style}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, { ...dayOptions[style], ...hourOptions(locale), timeZone });
    formatters.set(key, formatter);
  }
  return formatter;
}

export function formatInstant(at: Date, timeZone: string, locale: string, style: InstantStyle = 'dateTime'): string {
  return formatterFor(locale, timeZone, style).format(at);
}

const calendarDay = (at: Date, timeZone: string) => new Intl.DateTimeFormat('en-CA', { timeZone }).format(at);

/** A notification's time: the time alone when `at` is on `now`'s local day, else with its weekday. */
export function formatInstantNear(at: Date, now: Date, timeZone: string, locale: string): string {
  return formatInstant(at, timeZone, locale, calendarDay(at, timeZone) === calendarDay(now, timeZone) ? 'time' : 'weekdayTime');
}

/** The hour and minute `at` reads on the wall clock of `timeZone` (for layout, never shown). */
export function wallClockOf(at: Date, timeZone: string): { hour: number; minute: number } {
  const [hour = 0, minute = 0] = formatInstant(at, timeZone, 'en-GB', 'time').split(':').map(Number);
  return { hour, minute };
}

/** The zone this browser runs in: the engineer's own. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

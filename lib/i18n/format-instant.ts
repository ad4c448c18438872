/**
 * Instants as the UI shows them, in a chosen IANA zone and the UI language. Building an
 * Intl.DateTimeFormat is costly (a popup shows hundreds of times), so one is kept per
 * (locale, zone, style).
 */

export type InstantStyle = 'dateTime' | 'time';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(locale: string, timeZone: string, style: InstantStyle): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${style}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, {
      ...(style === 'dateTime' ? { weekday: 'short', month: 'short', day: 'numeric' } : {}),
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone,
    });
    formatters.set(key, formatter);
  }
  return formatter;
}

export function formatInstant(at: Date, timeZone: string, locale: string, style: InstantStyle = 'dateTime'): string {
  return formatterFor(locale, timeZone, style).format(at);
}

/** The zone this browser runs in: the engineer's own. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

import type { ForecastEvent } from './forecast';

/**
 * Forecast events as an iCalendar file (RFC 5545): one VEVENT per event, so a calendar shows
 * when each level starts and each deadline falls. Pure: the file's stamp comes from the caller.
 */

/** The words of the calendar text; English by default, the UI passes its own language's. */
export interface IcsLabels {
  /** `$1`: the severity number. */
  severity: string;
  /** `$1`: the level number. */
  level: string;
  /** `$1`: the people to tell, comma-separated. */
  notify: string;
  response: string;
  update: string;
  /** `$1`: the office id. */
  office: string;
}

export const ENGLISH_ICS_LABELS: Readonly<IcsLabels> = {
  severity: 'Sev $1',
  level: 'Level $1',
  notify: 'notify $1',
  response: 'response due',
  update: 'customer update due',
  office: 'Office: $1',
};

export interface IcsOptions {
  /**
   * When the file is written: DTSTAMP and LAST-MODIFIED of every event, and its SEQUENCE (whole
   * minutes since 1970), so a file written later is a newer revision of the same events to a
   * calendar that compares SEQUENCE on import (RFC 5545 §3.8.7.4). Without it each event is
   * stamped with its own instant and has no SEQUENCE, so the same events always give the same file.
   */
  stampedAt?: Date;
  labels?: Partial<IcsLabels>;
}

const CRLF = '\r\n';
const PRODID = '-//Escalation Watch//Forecast//EN';
/** RFC 5545 §3.1: lines longer than 75 octets are folded. */
const MAX_LINE_OCTETS = 75;
const MINUTE_MS = 60_000;

/**
 * RFC 5545 VCALENDAR of `events`, CRLF line endings, lines folded at 75 octets. Each VEVENT's
 * UID is made of the system, ticket, kind and level (never the instant) with the helpdesk's host
 * as its domain, so importing a newer file updates the events of an earlier one instead of
 * doubling them, even when a deadline moved.
 */
export function toICS(events: readonly ForecastEvent[], options: IcsOptions = {}): string {
  const labels = { ...ENGLISH_ICS_LABELS, ...options.labels };
  const { stampedAt } = options;
  if (stampedAt !== undefined && !isValidDate(stampedAt)) throw new RangeError('toICS: stampedAt is not a valid Date');
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:${PRODID}`, 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH'];
  events.forEach((event, index) => {
    if (!isValidDate(event.at)) {
      throw new RangeError(`toICS: events[${index}] (${event.system} ${event.ticketId} ${event.kind}) has no valid \`at\``);
    }
    lines.push(...eventLines(event, labels, stampedAt));
  });
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join(CRLF) + CRLF;
}

function eventLines(event: ForecastEvent, labels: IcsLabels, stampedAt: Date | undefined): string[] {
  const url = httpUrlOf(event.url);
  const description = [event.title, url ?? '', fill(labels.office, event.officeId)].filter((line) => line !== '').join('\n');
  return [
    'BEGIN:VEVENT',
    `UID:${escapeText(eventUid(event))}`,
    `DTSTAMP:${utcDateTime(stampedAt ?? event.at)}`,
    ...(stampedAt ? [`LAST-MODIFIED:${utcDateTime(stampedAt)}`, `SEQUENCE:${Math.floor(stampedAt.getTime() / MINUTE_MS)}`] : []),
    `DTSTART:${utcDateTime(event.at)}`,
    `SUMMARY:${escapeText(eventSummary(event, labels))}`,
    `DESCRIPTION:${escapeText(description)}`,
    ...(url ? [`URL:${url}`] : []),
    // A deadline mark, not a meeting: it does not make anyone busy.
    'TRANSP:TRANSPARENT',
    'END:VEVENT',
  ];
}

/**
 * `zendesk-35436-level-3@acme.zendesk.com`: system, ticket, kind and (for levels) level number,
 * at the helpdesk's host (RFC 5545 §3.8.4.7 suggests a domain on the right), so the same
 * ticket number on two helpdesks stays two events.
 */
export function eventUid(event: ForecastEvent): string {
  const parts = [event.system, uidPart(event.ticketId), event.kind];
  if (event.kind === 'level' && event.level !== undefined) parts.push(String(event.level));
  return `${parts.join('-')}@${hostOf(event.url) ?? 'escalation-watch.invalid'}`;
}

/** "#35436 Sev 1 → Level 3: notify District Sales Manager"; Jira keys go without '#'. */
export function eventSummary(event: ForecastEvent, labels: IcsLabels = ENGLISH_ICS_LABELS): string {
  const ticket = event.system === 'zendesk' ? `#${event.ticketId}` : event.ticketId;
  const head = event.severity !== undefined ? `${ticket} ${fill(labels.severity, event.severity)}` : ticket;
  if (event.kind === 'response') return `${head} · ${labels.response}`;
  if (event.kind === 'update') return `${head} · ${labels.update}`;
  const level = `${head} → ${fill(labels.level, event.level ?? '?')}`;
  const names = event.notifyNames?.length === event.notify.length ? event.notifyNames : event.notify;
  return names.length > 0 ? `${level}: ${fill(labels.notify, names.join(', '))}` : level;
}

function isValidDate(value: unknown): value is Date {
  return value instanceof Date && Number.isFinite(value.getTime());
}

function fill(template: string, value: string | number): string {
  return template.replace('$1', String(value));
}

/** Letters, digits and `-._~` as they are, anything else percent-encoded (ticket ids are short). */
function uidPart(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** `20261204T160000Z` (RFC 5545 §3.3.5, form #2: UTC). */
function utcDateTime(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
}

/**
 * RFC 5545 §3.3.11 TEXT: backslash, semicolon and comma escaped, line breaks as `\n`. Control
 * characters other than tab are not allowed in TEXT and are dropped.
 */
export function escapeText(text: string): string {
  let escaped = '';
  for (const char of text.replace(/\r\n?/g, '\n')) {
    if (char === '\n') escaped += '\\n';
    else if (char === '\\' || char === ';' || char === ',') escaped += `\\${char}`;
    else if (!isControl(char.charCodeAt(0))) escaped += char;
  }
  return escaped;
}

/** CONTROL in RFC 5545 §3.1: %x00-08 / %x0A-1F / %x7F (tab allowed; line breaks handled above). */
function isControl(code: number): boolean {
  return (code < 0x20 && code !== 0x09) || code === 0x7f;
}

/** The URL as a URI value, or null when it is not http(s) (no escaping applies to URI values). */
function httpUrlOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname || null;
  } catch {
    return null;
  }
}

/**
 * RFC 5545 §3.1: a line longer than 75 octets (UTF-8) continues on the next line after a space,
 * which counts towards that line's 75. Never splits a character: a Chinese character is 3
 * octets, an emoji 4.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  let limit = MAX_LINE_OCTETS;
  for (const char of line) {
    const size = utf8Length(char.codePointAt(0)!);
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = MAX_LINE_OCTETS - 1;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

function utf8Length(codePoint: number): number {
  if (codePoint < 0x80) return 1;
  if (codePoint < 0x800) return 2;
  if (codePoint < 0x10000) return 3;
  return 4;
}

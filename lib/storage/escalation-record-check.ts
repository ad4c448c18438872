import { describeZodIssues } from './parsed-item';
import { type EscalationRecord, type TicketRecord, ticketRecordSchema } from './escalation-record-schema';

/**
 * The escalation record's tickets checked without zod where that is safe: a new service worker's
 * zod runs jitless (lib/zod-jitless.ts), and parsing 2,000 tickets with it took ~100 ms on the
 * very wakes that record something (bench/escalation-record.bench.ts). `isPlainTicket` accepts only
 * what `ticketRecordSchema` accepts unchanged — the exact fields, each as the schema wants it,
 * instants as `Date.prototype.toISOString` writes them; anything else (an extra field, an instant
 * with an offset, a corrupt value) goes to zod, which keeps what it accepts and names the field
 * at fault for what it does not. So the outcome is zod's; only the time differs.
 */

type Fields = Record<string, unknown>;

const isObject = (value: unknown): value is Fields => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Exactly `count` own enumerable fields (the caller then checks each by name; zod strips unknown ones: such a value goes to zod). */
function fieldCount(value: Fields): number {
  let count = 0;
  for (const key in value) {
    if (!Object.hasOwn(value, key)) return -1;
    count++;
  }
  return count;
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const INSTANT = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{3}Z$/;

/**
 * An instant exactly as toISOString writes it for years 0000–9999 (`YYYY-MM-DDTHH:mm:ss.sssZ`), a
 * real date: a subset of `z.iso.datetime({ offset: true })`. One regex, the day of the month
 * checked only past the 28th (a Date per instant cost a new worker tens of ms over 2,000 tickets).
 */
function isInstant(value: unknown): boolean {
  if (typeof value !== 'string' || !INSTANT.test(value)) return false;
  const day = Number(value.slice(8, 10));
  if (day <= 28) return true;
  const month = Number(value.slice(5, 7));
  if (day > DAYS_IN_MONTH[month - 1]!) return false;
  const year = Number(value.slice(0, 4));
  return month !== 2 || (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0));
}

const isText = (value: unknown, max: number): boolean => typeof value === 'string' && value.length <= max;
const isName = (value: unknown): boolean => typeof value === 'string' && value.length >= 1;
const isLevel = (value: unknown): boolean => typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 99;

const NOTIFICATION_KINDS: ReadonlySet<unknown> = new Set(['level', 'warn-level', 'response', 'update', 'warn-update', 'reminder', 'ack-timeout', 'summary']);
const HOWS: ReadonlySet<unknown> = new Set(['button', 'reply', 'note']);

function isRecordedLevel(value: unknown): boolean {
  return isObject(value) && fieldCount(value) === 3 && isLevel(value.level) && isName(value.levelId) && isInstant(value.at);
}

function isRecordedNotification(value: unknown): boolean {
  if (!isObject(value) || fieldCount(value) !== 5) return false;
  if (!isName(value.id) || !NOTIFICATION_KINDS.has(value.kind) || !isInstant(value.at) || !(value.level === null || isLevel(value.level))) return false;
  const roles = value.roles;
  if (!Array.isArray(roles) || roles.length > 20) return false;
  for (const role of roles) if (!isName(role)) return false;
  return true;
}

function isRecordedAcknowledgement(value: unknown): boolean {
  return (
    isObject(value) &&
    fieldCount(value) === 8 &&
    isName(value.role) &&
    isLevel(value.level) &&
    (value.levelStartedAt === null || isInstant(value.levelStartedAt)) &&
    isInstant(value.at) &&
    HOWS.has(value.how) &&
    (value.person === null || isText(value.person, 200)) &&
    (value.channel === null || isText(value.channel, 50)) &&
    typeof value.noteWritten === 'boolean'
  );
}

function isArrayOf(value: unknown, check: (item: unknown) => boolean): boolean {
  if (!Array.isArray(value)) return false;
  for (const item of value) if (!check(item)) return false;
  return true;
}

/** Accepts only a ticket `ticketRecordSchema` accepts as it is; false sends it to zod. */
export function isPlainTicket(value: unknown): value is TicketRecord {
  return (
    isObject(value) &&
    fieldCount(value) === 9 &&
    (value.system === 'zendesk' || value.system === 'jira') &&
    isName(value.id) &&
    isText(value.title, 500) &&
    typeof value.url === 'string' &&
    (value.severity === null || value.severity === 1 || value.severity === 2 || value.severity === 3 || value.severity === 4) &&
    isArrayOf(value.levels, isRecordedLevel) &&
    isArrayOf(value.notifications, isRecordedNotification) &&
    isArrayOf(value.acknowledgements, isRecordedAcknowledgement) &&
    isInstant(value.updatedAt)
  );
}

export type TicketCheck = { ok: true; ticket: TicketRecord } | { ok: false; problem: string };

/** One ticket as the schema reads it: itself when plain, else zod's result or the fields at fault (named under `path`). */
export function checkTicket(value: unknown, path: string): TicketCheck {
  if (isPlainTicket(value)) return { ok: true, ticket: value };
  const parsed = ticketRecordSchema.safeParse(value);
  return parsed.success ? { ok: true, ticket: parsed.data } : { ok: false, problem: describeZodIssues(parsed.error, path) };
}

const setOwn = (record: EscalationRecord, key: string, ticket: TicketRecord) =>
  Object.defineProperty(record, key, { value: ticket, enumerable: true, writable: true, configurable: true });

/**
 * Keeps every ticket that reads; each one dropped is reported with its key and the field at
 * fault. `clean` says whether the value was kept exactly as it was (nothing dropped or stripped).
 */
export function readTickets(raw: unknown, report: (reason: string) => void): { record: EscalationRecord; clean: boolean } {
  if (!isObject(raw)) {
    report('not a map of tickets; nothing could be kept');
    return { record: {}, clean: false };
  }
  const keys = Object.keys(raw);
  // The usual case, every ticket exactly as the schema wants it: the value itself is the record.
  if (fieldCount(raw) === keys.length && keys.every((key) => key !== '' && isPlainTicket(raw[key]))) return { record: raw as EscalationRecord, clean: true };
  const record: EscalationRecord = {};
  let clean = true;
  for (const key of keys) {
    const value = raw[key];
    const checked = key === '' ? ({ ok: false, problem: 'empty key' } as const) : checkTicket(value, '');
    if (checked.ok) {
      setOwn(record, key, checked.ticket);
      if (checked.ticket !== value) clean = false;
    } else {
      report(`ticket ${key || '(empty key)'} dropped: ${checked.problem}`);
      clean = false;
    }
  }
  return { record, clean };
}

/** The stored value as the record it holds: JSON text (v2) or the object v1 stored; what does not read is reported and left out. */
export function decodeRecord(stored: unknown, report: (reason: string) => void): { record: EscalationRecord; clean: boolean } {
  if (typeof stored !== 'string') return readTickets(stored, report);
  let raw: unknown;
  try {
    raw = JSON.parse(stored) as unknown;
  } catch (error) {
    report(`not JSON (${error instanceof Error ? error.message : String(error)}); nothing could be kept`);
    return { record: {}, clean: false };
  }
  return readTickets(raw, report);
}

/**
 * A record about to be written, checked where it differs from `before` (the record it was made
 * from: tickets are replaced, never changed in place, so an unchanged ticket is the same object);
 * every ticket when `before` is null. The record to store (what zod keeps of a ticket it had to
 * parse), or each ticket at fault named with its field.
 */
export function checkChangedTickets(
  value: EscalationRecord,
  before: EscalationRecord | null,
): { ok: true; record: EscalationRecord } | { ok: false; problems: string[] } {
  const problems: string[] = [];
  let record = value;
  for (const key of Object.keys(value)) {
    const ticket: unknown = value[key];
    if (before !== null && Object.hasOwn(before, key) && before[key] === ticket) continue;
    const checked = key === '' ? ({ ok: false, problem: '(empty key): expected a ticket key' } as const) : checkTicket(ticket, key);
    if (!checked.ok) problems.push(checked.problem);
    else if (checked.ticket !== ticket) {
      if (record === value) record = { ...value };
      setOwn(record, key, checked.ticket);
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, record };
}

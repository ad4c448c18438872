import type { EscalationRecord, TicketRecord } from './escalation-record-schema';

/**
 * The figure the escalation record's size cap bounds (RECORD_LIMITS.chars in lib/record): the sum
 * over its tickets of key length + JSON length. Remembered by identity — tickets and records are
 * never changed in place (lib/record makes new ones) — so a change measures only the ticket it
 * made, and a record read from its stored text takes the figure from the text's length: a new
 * worker's first recorded change does not stringify 1.5 M characters to learn it (issue 11 (b)).
 */

const ticketLengths = new WeakMap<TicketRecord, number>();
const recordSizes = new WeakMap<EscalationRecord, number>();

/** `JSON.stringify(ticket).length`, measured once per ticket object. */
export function ticketJsonLength(ticket: TicketRecord): number {
  let length = ticketLengths.get(ticket);
  if (length === undefined) {
    length = JSON.stringify(ticket).length;
    ticketLengths.set(ticket, length);
  }
  return length;
}

/** The record's size figure: remembered, else measured (and remembered). */
export function recordSize(record: EscalationRecord): number {
  let chars = recordSizes.get(record);
  if (chars === undefined) {
    chars = 0;
    for (const [key, ticket] of Object.entries(record)) chars += key.length + ticketJsonLength(ticket);
    recordSizes.set(record, chars);
  }
  return chars;
}

/** The figure when already known, without measuring. */
export const knownRecordSize = (record: EscalationRecord): number | undefined => recordSizes.get(record);

export function rememberRecordSize(record: EscalationRecord, chars: number): void {
  recordSizes.set(record, chars);
}

/**
 * The figure of a record read from compact `JSON.stringify(record)` text, from the text's length:
 * less its braces, commas, colons and the keys' quotes and escapes.
 */
export function recordSizeFromJsonLength(record: EscalationRecord, textLength: number): number {
  const keys = Object.keys(record);
  let punctuation = keys.length === 0 ? 2 : 2 + (keys.length - 1) + keys.length;
  for (const key of keys) punctuation += JSON.stringify(key).length - key.length;
  return textLength - punctuation;
}

/** Remembers the figure of a record read from compact JSON text of `textLength` characters. */
export function knowRecordSizeFromJson(record: EscalationRecord, textLength: number): void {
  recordSizes.set(record, recordSizeFromJsonLength(record, textLength));
}

import { ownValue } from '../policy/reserved-names';
import type {
  EscalationRecord,
  RecordedAcknowledgement,
  RecordedLevel,
  RecordedNotification,
  TicketRecord,
} from '../storage/escalation-record';
import { knownRecordSize, recordSize, rememberRecordSize, ticketJsonLength } from '../storage/escalation-record-size';

/**
 * Pure updates of the escalation record (lib/storage/escalation-record.ts). Each returns the very
 * same record when nothing new was recorded (so nothing is written), and keeps it within
 * RECORD_LIMITS: per ticket the newest entries, and beyond the ticket or size cap the tickets
 * updated least recently go first — the same 2,000 tickets the watched store keeps at most.
 */

export const RECORD_LIMITS = {
  tickets: 2000,
  levelsPerTicket: 50,
  notificationsPerTicket: 100,
  acknowledgementsPerTicket: 100,
  /** Rough bound on the record's JSON size, well inside storage.local's quota beside the store. */
  chars: 1_500_000,
};
export type RecordLimits = typeof RECORD_LIMITS;

/** What the record keeps about the ticket itself (refreshed with every entry). */
export interface TicketFacts {
  key: string;
  system: TicketRecord['system'];
  id: string;
  title: string;
  url: string;
  severity: TicketRecord['severity'];
}

const newest = <T extends { at: string }>(items: T[], cap: number): T[] =>
  items.length > cap ? [...items].sort((a, b) => Date.parse(a.at) - Date.parse(b.at)).slice(items.length - cap) : items;

function changeTicket(
  record: EscalationRecord,
  facts: TicketFacts,
  now: Date,
  change: (ticket: TicketRecord) => TicketRecord,
  limits: RecordLimits,
): EscalationRecord {
  const existing = ownValue(record, facts.key);
  const base: TicketRecord = existing ?? {
    system: facts.system,
    id: facts.id,
    title: facts.title,
    url: facts.url,
    severity: facts.severity,
    levels: [],
    notifications: [],
    acknowledgements: [],
    updatedAt: now.toISOString(),
  };
  const changed = change(base);
  if (changed === base) return record;
  const ticket: TicketRecord = {
    ...changed,
    title: facts.title.slice(0, 500),
    url: facts.url,
    severity: facts.severity,
    levels: newest(changed.levels, limits.levelsPerTicket),
    notifications: newest(changed.notifications, limits.notificationsPerTicket),
    acknowledgements: newest(changed.acknowledgements, limits.acknowledgementsPerTicket),
    updatedAt: now.toISOString(),
  };
  const next: EscalationRecord = { ...record };
  Object.defineProperty(next, facts.key, { value: ticket, enumerable: true, writable: true, configurable: true });
  const before = knownRecordSize(record);
  if (before !== undefined) rememberRecordSize(next, before - (existing ? facts.key.length + ticketJsonLength(existing) : 0) + facts.key.length + ticketJsonLength(ticket));
  return capRecord(next, limits, facts.key);
}

/** Levels reached (each level start once: same level id and instant). */
export function withLevels(
  record: EscalationRecord,
  facts: TicketFacts,
  levels: readonly RecordedLevel[],
  now: Date,
  limits: RecordLimits = RECORD_LIMITS,
): EscalationRecord {
  return changeTicket(record, facts, now, (ticket) => {
    const known = new Set(ticket.levels.map((l) => `${l.levelId}|${Date.parse(l.at)}`));
    const added = levels.filter((l) => !known.has(`${l.levelId}|${Date.parse(l.at)}`));
    return added.length === 0 ? ticket : { ...ticket, levels: [...ticket.levels, ...added].sort((a, b) => Date.parse(a.at) - Date.parse(b.at)) };
  }, limits);
}

/** Notifications raised (each id once). */
export function withNotifications(
  record: EscalationRecord,
  facts: TicketFacts,
  notifications: readonly RecordedNotification[],
  now: Date,
  limits: RecordLimits = RECORD_LIMITS,
): EscalationRecord {
  return changeTicket(record, facts, now, (ticket) => {
    const known = new Set(ticket.notifications.map((n) => n.id));
    const added = notifications.filter((n) => !known.has(n.id));
    return added.length === 0 ? ticket : { ...ticket, notifications: [...ticket.notifications, ...added] };
  }, limits);
}

/**
 * An acknowledgement: the first for a role at its level's start is the one that counts (a later
 * click, or the note read back from the ticket after this browser wrote it, adds nothing).
 */
export function withAcknowledgement(
  record: EscalationRecord,
  facts: TicketFacts,
  ack: RecordedAcknowledgement,
  now: Date,
  limits: RecordLimits = RECORD_LIMITS,
): EscalationRecord {
  return changeTicket(record, facts, now, (ticket) => {
    const same = ticket.acknowledgements.some((a) => a.role === ack.role && a.levelStartedAt === ack.levelStartedAt);
    return same ? ticket : { ...ticket, acknowledgements: [...ticket.acknowledgements, ack] };
  }, limits);
}

/** Within the ticket and size caps: the least recently updated tickets go first (never `keep`, the one just written). */
export function capRecord(record: EscalationRecord, limits: RecordLimits = RECORD_LIMITS, keep?: string): EscalationRecord {
  const entries = Object.entries(record);
  let chars = recordSize(record);
  if (entries.length <= limits.tickets && chars <= limits.chars) return record;
  const order = entries
    .filter(([key]) => key !== keep)
    .map(([key, ticket]) => ({ key, ticket, updatedAt: Date.parse(ticket.updatedAt) }))
    .sort((a, b) => a.updatedAt - b.updatedAt);
  const dropped = new Set<string>();
  let count = entries.length;
  for (const { key, ticket } of order) {
    if (count <= limits.tickets && chars <= limits.chars) break;
    dropped.add(key);
    count--;
    chars -= key.length + ticketJsonLength(ticket);
  }
  const next: EscalationRecord = {};
  for (const [key, ticket] of entries) {
    if (!dropped.has(key)) Object.defineProperty(next, key, { value: ticket, enumerable: true, writable: true, configurable: true });
  }
  rememberRecordSize(next, chars);
  return next;
}

import { formatCsv } from '../people/csv';
import type { EscalationRecord, TicketRecord } from '../storage/escalation-record';

/**
 * The escalation record as rows for a chosen period, and its CSV and JSON exports. Pure: the
 * period comes in as instants (the options page turns the engineer's from/to dates into them).
 *
 * CSV: RFC 4180 (quoted when needed, quotes doubled, CRLF rows) and safe to open in a spreadsheet:
 * a cell starting with = + - @ (or a tab or carriage return) is prefixed with an apostrophe so it
 * is never run as a formula (OWASP "CSV injection"; lib/people/csv.ts).
 */

export interface RecordPeriod {
  /** Inclusive. */
  from: Date;
  /** Exclusive. */
  to: Date;
}

export type RecordEvent = 'level' | 'notification' | 'acknowledgement';

export interface RecordRow {
  at: Date;
  ticketKey: string;
  system: TicketRecord['system'];
  ticketId: string;
  title: string;
  url: string;
  severity: TicketRecord['severity'];
  event: RecordEvent;
  level: number | null;
  /** level: the level's id; notification: its kind ('level', 'ack-timeout', …). */
  what: string;
  /** The roles concerned: the acknowledged role, or those a notification asked to notify. */
  roles: string[];
  how: 'button' | 'reply' | 'note' | null;
  person: string | null;
  channel: string | null;
  noteWritten: boolean | null;
  levelStartedAt: Date | null;
  /** From the level's start to the acknowledgement; 0 when acknowledged before it started. */
  delayMs: number | null;
  notificationId: string | null;
}

export const RECORD_CSV_COLUMNS = [
  'at',
  'ticket',
  'system',
  'title',
  'url',
  'severity',
  'event',
  'level',
  'what',
  'roles',
  'how',
  'person',
  'channel',
  'note_written',
  'level_started_at',
  'delay_minutes',
  'notification_id',
] as const;

/** Delay from a level's start to an acknowledgement (never negative: acknowledged ahead is no delay). */
export function acknowledgementDelayMs(levelStartedAt: string | null, at: string): number | null {
  if (levelStartedAt === null) return null;
  return Math.max(0, Date.parse(at) - Date.parse(levelStartedAt));
}

const inPeriod = (at: string, period: RecordPeriod) => {
  const ms = Date.parse(at);
  return ms >= period.from.getTime() && ms < period.to.getTime();
};

const EVENT_ORDER: Record<RecordEvent, number> = { level: 0, notification: 1, acknowledgement: 2 };

/** Every level, notification and acknowledgement in the period, oldest first (then ticket, then event). */
export function recordRows(record: EscalationRecord, period: RecordPeriod): RecordRow[] {
  const rows: RecordRow[] = [];
  for (const [ticketKey, ticket] of Object.entries(record)) {
    const base = { ticketKey, system: ticket.system, ticketId: ticket.id, title: ticket.title, url: ticket.url, severity: ticket.severity };
    const none = { how: null, person: null, channel: null, noteWritten: null, levelStartedAt: null, delayMs: null, notificationId: null };
    for (const level of ticket.levels) {
      if (!inPeriod(level.at, period)) continue;
      rows.push({ ...base, ...none, at: new Date(level.at), event: 'level', level: level.level, what: level.levelId, roles: [], levelStartedAt: new Date(level.at) });
    }
    for (const n of ticket.notifications) {
      if (!inPeriod(n.at, period)) continue;
      rows.push({ ...base, ...none, at: new Date(n.at), event: 'notification', level: n.level, what: n.kind, roles: [...n.roles], notificationId: n.id });
    }
    for (const ack of ticket.acknowledgements) {
      if (!inPeriod(ack.at, period)) continue;
      rows.push({
        ...base,
        at: new Date(ack.at),
        event: 'acknowledgement',
        level: ack.level,
        what: ack.role,
        roles: [ack.role],
        how: ack.how,
        person: ack.person,
        channel: ack.channel,
        noteWritten: ack.noteWritten,
        levelStartedAt: ack.levelStartedAt === null ? null : new Date(ack.levelStartedAt),
        delayMs: acknowledgementDelayMs(ack.levelStartedAt, ack.at),
        notificationId: null,
      });
    }
  }
  return rows.sort(
    (a, b) => a.at.getTime() - b.at.getTime() || a.ticketKey.localeCompare(b.ticketKey) || EVENT_ORDER[a.event] - EVENT_ORDER[b.event],
  );
}

const minutes = (ms: number | null): string => (ms === null ? '' : String(Math.round(ms / 60_000)));

function csvCells(row: RecordRow): string[] {
  return [
    row.at.toISOString(),
    row.ticketId,
    row.system,
    row.title,
    row.url,
    row.severity === null ? '' : String(row.severity),
    row.event,
    row.level === null ? '' : String(row.level),
    row.what,
    row.roles.join(' '),
    row.how ?? '',
    row.person ?? '',
    row.channel ?? '',
    row.noteWritten === null ? '' : row.noteWritten ? 'yes' : 'no',
    row.levelStartedAt ? row.levelStartedAt.toISOString() : '',
    minutes(row.delayMs),
    row.notificationId ?? '',
  ];
}

/** The rows as CSV, a header first (UTF-8 text; the caller adds nothing). */
export function recordCsv(rows: readonly RecordRow[]): string {
  return formatCsv([[...RECORD_CSV_COLUMNS], ...rows.map(csvCells)]);
}

/** The period's record as JSON: each ticket with what happened in the period, acknowledgements with their delay. */
export function recordJson(record: EscalationRecord, period: RecordPeriod, exportedAt: Date): string {
  const tickets = Object.entries(record)
    .map(([key, ticket]) => ({
      key,
      system: ticket.system,
      id: ticket.id,
      title: ticket.title,
      url: ticket.url,
      severity: ticket.severity,
      levels: ticket.levels.filter((l) => inPeriod(l.at, period)),
      notifications: ticket.notifications.filter((n) => inPeriod(n.at, period)),
      acknowledgements: ticket.acknowledgements
        .filter((a) => inPeriod(a.at, period))
        .map((a) => ({ ...a, delayMinutes: a.levelStartedAt === null ? null : Number(minutes(acknowledgementDelayMs(a.levelStartedAt, a.at))) })),
    }))
    .filter((t) => t.levels.length + t.notifications.length + t.acknowledgements.length > 0)
    .sort((a, b) => a.key.localeCompare(b.key));
  const body = {
    format: 'escalation-watch-record',
    version: 1,
    from: period.from.toISOString(),
    to: period.to.toISOString(),
    exportedAt: exportedAt.toISOString(),
    tickets,
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}

import { describe, expect, it } from 'vitest';
import { evaluate } from '../../lib/engine/evaluate';
import { ticketFromJson } from '../../lib/engine/ticket-schema';
import { parseCsv } from '../../lib/people/csv';
import { defaultPolicy } from '../../lib/policy';
import {
  ackDelayByLevel,
  capRecord,
  knowRecordSizeFromJson,
  noteAcknowledgements,
  recordSize,
  RECORD_CSV_COLUMNS,
  RECORD_LIMITS,
  recordCsv,
  recordJson,
  recordRows,
  type TicketFacts,
  withAcknowledgement,
  withLevels,
  withNotifications,
} from '../../lib/record';
import type { EscalationRecord, RecordedAcknowledgement } from '../../lib/storage/escalation-record';
import { sev1 } from '../alarms/alarm-fixtures';

const KEY = 'zendesk:35436@https://acme.zendesk.com';
const facts = (overrides: Partial<TicketFacts> = {}): TicketFacts => ({
  key: KEY,
  system: 'zendesk',
  id: '35436',
  title: 'Database unavailable',
  url: 'https://acme.zendesk.com/agent/tickets/35436',
  severity: 1,
  ...overrides,
});
const at = (iso: string) => new Date(iso);
const ack = (overrides: Partial<RecordedAcknowledgement> = {}): RecordedAcknowledgement => ({
  role: 'sales-rep',
  level: 2,
  levelStartedAt: '2026-07-14T10:00:00.000Z',
  at: '2026-07-14T10:12:00.000Z',
  how: 'button',
  person: 'Jane Doe',
  channel: null,
  noteWritten: false,
  ...overrides,
});

function sampleRecord(): EscalationRecord {
  let record: EscalationRecord = {};
  record = withLevels(record, facts(), [
    { level: 1, levelId: 'l1', at: '2026-07-14T08:00:00.000Z' },
    { level: 2, levelId: 'l2', at: '2026-07-14T10:00:00.000Z' },
  ], at('2026-07-14T10:00:00Z'));
  record = withNotifications(record, facts(), [{ id: `${KEY}|level|l2|2026-07-14T08:00:00.000Z`, kind: 'level', at: '2026-07-14T10:00:00.000Z', level: 2, roles: ['sales-rep'] }], at('2026-07-14T10:00:00Z'));
  record = withAcknowledgement(record, facts(), ack(), at('2026-07-14T10:12:00Z'));
  return record;
}

describe('recording', () => {
  it('keeps each level start, notification and acknowledgement once; nothing new gives the very same record', () => {
    const record = sampleRecord();
    expect(record[KEY]?.levels.map((l) => l.levelId)).toEqual(['l1', 'l2']);
    const again = withLevels(record, facts(), [{ level: 2, levelId: 'l2', at: '2026-07-14T10:00:00.000Z' }], at('2026-07-14T11:00:00Z'));
    expect(again).toBe(record);
    const sameNotification = withNotifications(record, facts(), record[KEY]?.notifications ?? [], at('2026-07-14T11:00:00Z'));
    expect(sameNotification).toBe(record);
  });

  it('the first acknowledgement of a role at its level start counts; the note read back later adds nothing', () => {
    const record = sampleRecord();
    const note = withAcknowledgement(record, facts(), ack({ how: 'note', at: '2026-07-14T10:20:00.000Z', noteWritten: true }), at('2026-07-14T10:30:00Z'));
    expect(note).toBe(record);
    // After a raise restarts the clock, the same role's level starts again: a new acknowledgement counts.
    const restarted = withAcknowledgement(record, facts(), ack({ levelStartedAt: '2026-07-14T16:00:00.000Z', at: '2026-07-14T16:05:00.000Z' }), at('2026-07-14T16:05:00Z'));
    expect(restarted[KEY]?.acknowledgements).toHaveLength(2);
  });

  it('stays within its caps: newest entries per ticket, least recently updated tickets first beyond the ticket cap', () => {
    const limits = { ...RECORD_LIMITS, tickets: 2, notificationsPerTicket: 3 };
    let record: EscalationRecord = {};
    for (let i = 0; i < 5; i++) {
      const n = { id: `n${i}`, kind: 'update' as const, at: `2026-07-14T1${i}:00:00.000Z`, level: null, roles: [] };
      record = withNotifications(record, facts(), [n], at(`2026-07-14T1${i}:00:00Z`), limits);
    }
    expect(record[KEY]?.notifications.map((n) => n.id)).toEqual(['n2', 'n3', 'n4']);
    for (const id of ['1', '2', '3']) {
      record = withLevels(record, facts({ key: `zendesk:${id}@https://acme.zendesk.com`, id }), [{ level: 1, levelId: 'l1', at: '2026-07-14T08:00:00.000Z' }], at(`2026-07-15T0${id}:00:00Z`), limits);
    }
    expect(Object.keys(record).sort()).toEqual(['zendesk:2@https://acme.zendesk.com', 'zendesk:3@https://acme.zendesk.com']);
    expect(capRecord(record, limits)).toBe(record);
  });

  it('the size cap drops the same tickets whether the size is measured or known from the stored text', () => {
    let record: EscalationRecord = {};
    for (const id of ['1', '2', '3', '4']) {
      record = withLevels(record, facts({ key: `zendesk:${id}@https://acme.zendesk.com/"q"\\`, id }), [{ level: 1, levelId: 'l1', at: '2026-07-14T08:00:00.000Z' }], at(`2026-07-15T0${id}:00:00Z`));
    }
    const measured = Object.entries(record).reduce((sum, [key, ticket]) => sum + key.length + JSON.stringify(ticket).length, 0);
    const read = JSON.parse(JSON.stringify(record)) as EscalationRecord;
    knowRecordSizeFromJson(read, JSON.stringify(record).length);
    expect(recordSize(read)).toBe(measured);
    // One more level beyond a size cap of the current size: the oldest ticket goes, in both.
    const limits = { ...RECORD_LIMITS, chars: measured };
    const next = (from: EscalationRecord) => withLevels(from, facts({ key: 'zendesk:4@https://acme.zendesk.com/"q"\\', id: '4' }), [{ level: 2, levelId: 'l2', at: '2026-07-15T05:00:00.000Z' }], at('2026-07-15T05:00:00Z'), limits);
    const fromMeasured = next(JSON.parse(JSON.stringify(record)) as EscalationRecord);
    const fromKnown = next(read);
    expect(Object.keys(fromKnown)).toEqual(Object.keys(fromMeasured));
    expect(Object.keys(fromKnown)).not.toContain('zendesk:1@https://acme.zendesk.com/"q"\\');
    expect(recordSize(fromKnown)).toBe(Object.entries(fromKnown).reduce((sum, [key, ticket]) => sum + key.length + JSON.stringify(ticket).length, 0));
  });
});

describe('rows for a period, and the CSV', () => {
  it('lists levels, notifications and acknowledgements in the period (from inclusive, to exclusive), oldest first', () => {
    const rows = recordRows(sampleRecord(), { from: at('2026-07-14T10:00:00Z'), to: at('2026-07-14T10:12:00Z') });
    expect(rows.map((r) => `${r.at.toISOString().slice(11, 16)} ${r.event} ${r.what}`)).toEqual(['10:00 level l2', '10:00 notification level']);
    const all = recordRows(sampleRecord(), { from: at('2026-07-14T00:00:00Z'), to: at('2026-07-15T00:00:00Z') });
    expect(all.at(-1)).toMatchObject({ event: 'acknowledgement', what: 'sales-rep', how: 'button', person: 'Jane Doe', noteWritten: false, delayMs: 12 * 60_000 });
  });

  it('writes RFC 4180 CSV that reads back cell for cell, with a header', () => {
    const record = withLevels({}, facts({ title: 'Outage, "total", line\nbreak' }), [{ level: 1, levelId: 'l1', at: '2026-07-14T08:00:00.000Z' }], at('2026-07-14T08:00:00Z'));
    const csv = recordCsv(recordRows(record, { from: at('2026-07-14T00:00:00Z'), to: at('2026-07-15T00:00:00Z') }));
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv).toContain('"Outage, ""total"", line\nbreak"');
    const [header, row] = parseCsv(csv);
    expect(header).toEqual([...RECORD_CSV_COLUMNS]);
    expect(row?.[3]).toBe('Outage, "total", line\nbreak');
  });

  it.each(['=HYPERLINK("http://evil.example","x")', '+cmd|/c calc', '-2+3', '@SUM(A1:A2)'])('never lets a spreadsheet run %s as a formula', (title) => {
    const record = withAcknowledgement({}, facts({ title }), ack({ person: title }), at('2026-07-14T10:12:00Z'));
    const [, row] = parseCsv(recordCsv(recordRows(record, { from: at('2026-07-14T00:00:00Z'), to: at('2026-07-15T00:00:00Z') })));
    expect(row?.[3]).toBe(`'${title}`);
    expect(row?.[11]).toBe(`'${title}`);
    expect(row?.every((cell) => !/^[=+\-@]/.test(cell))).toBe(true);
  });

  it('exports the period as JSON, acknowledgements with their delay in minutes', () => {
    const json = JSON.parse(recordJson(sampleRecord(), { from: at('2026-07-14T10:05:00Z'), to: at('2026-07-14T11:00:00Z') }, at('2026-07-15T09:00:00Z')));
    expect(json).toMatchObject({ format: 'escalation-watch-record', version: 1, from: '2026-07-14T10:05:00.000Z', to: '2026-07-14T11:00:00.000Z' });
    expect(json.tickets).toHaveLength(1);
    expect(json.tickets[0]).toMatchObject({ key: KEY, levels: [], notifications: [], acknowledgements: [{ role: 'sales-rep', how: 'button', delayMinutes: 12 }] });
  });
});

describe('acknowledgement delay per level over 30 days', () => {
  it('gives the median and 90th percentile (nearest rank) per level, over the window only', () => {
    let record: EscalationRecord = {};
    const delays = [1, 2, 3, 4, 5, 6, 7, 8, 9, 30]; // minutes
    delays.forEach((minutes, i) => {
      const startedAt = Date.parse('2026-07-10T10:00:00Z') + i * 3_600_000;
      record = withAcknowledgement(
        record,
        facts({ key: `zendesk:${i}@https://acme.zendesk.com`, id: String(i) }),
        ack({ levelStartedAt: new Date(startedAt).toISOString(), at: new Date(startedAt + minutes * 60_000).toISOString() }),
        at('2026-07-10T00:00:00Z'),
      );
    });
    record = withAcknowledgement(record, facts({ key: 'zendesk:old@https://acme.zendesk.com', id: 'old' }), ack({ levelStartedAt: '2026-05-01T10:00:00.000Z', at: '2026-05-01T15:00:00.000Z' }), at('2026-05-01T15:00:00Z'));
    record = withAcknowledgement(record, facts({ key: 'zendesk:l3@https://acme.zendesk.com', id: 'l3' }), ack({ role: 'district-sales-manager', level: 3, levelStartedAt: '2026-07-12T10:00:00.000Z', at: '2026-07-12T09:00:00.000Z' }), at('2026-07-12T09:00:00Z'));
    expect(ackDelayByLevel(record, at('2026-07-14T12:00:00Z'))).toEqual([
      { level: 2, count: 10, medianMs: 5 * 60_000, p90Ms: 9 * 60_000, maxMs: 30 * 60_000 },
      // Acknowledged before the level started: no delay.
      { level: 3, count: 1, medianMs: 0, p90Ms: 0, maxMs: 0 },
    ]);
  });
});

describe('acknowledgements read back from notes', () => {
  it('take the note for a role due on the current clock, with its level start; earlier notes belong to an earlier escalation', () => {
    const json = sev1({
      history: [
        { at: '2026-07-14T07:00:00.000Z', kind: 'notified', role: 'sales-rep' },
        { at: '2026-07-14T10:07:00.000Z', kind: 'notified', role: 'sales-rep' },
        { at: '2026-07-14T10:09:00.000Z', kind: 'notified', role: 'sales-rep' },
      ],
    });
    const ticket = ticketFromJson(json);
    const evaluation = evaluate(ticket, defaultPolicy, at('2026-07-14T10:30:00Z'), []);
    expect(noteAcknowledgements({ ticket, evaluation })).toEqual([
      { role: 'sales-rep', level: 2, levelStartedAt: '2026-07-14T10:00:00.000Z', at: '2026-07-14T10:07:00.000Z', how: 'note', person: null, channel: null, noteWritten: true },
    ]);
  });
});

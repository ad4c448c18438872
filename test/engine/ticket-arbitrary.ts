import fc from 'fast-check';
import type { Severity, Status, Ticket, TicketEvent } from '../../lib/engine/types';
import { MINUTE } from './engine-fixtures';

/** Random valid tickets for property tests: whole minutes, all offices (and an unknown one), 2026–2027. */

export const START = Date.UTC(2026, 0, 1);
export const SPAN_MINUTES = 540 * 24 * 60;
export const DAY_MINUTES = 24 * 60;

const severity = fc.constantFrom<Severity | null>(1, 2, 3, 4, null);
const statusValue = fc.constantFrom<Status>('active', 'waiting', 'solved');
const eventSketch = fc.record({
  afterMinutes: fc.integer({ min: 0, max: 12 * DAY_MINUTES }),
  kind: fc.constantFrom('severity', 'status', 'publicReply', 'publicReply', 'workaround', 'notified'),
  severity,
  status: statusValue,
  role: fc.constantFrom('sales-rep', 'district-sales-manager', 'escalation-director', 'ceo'),
});

export const ticketArbitrary = fc
  .record({
    createdMinute: fc.integer({ min: 0, max: SPAN_MINUTES }),
    office: fc.constantFrom<string | null>('hq', 'shanghai', 'taichung', 'singapore', 'malaysia', null, 'atlantis'),
    severity,
    status: statusValue,
    workaround: fc.boolean(),
    events: fc.array(eventSketch, { maxLength: 20 }),
  })
  .map(({ createdMinute, office, severity: current, status: currentStatus, workaround, events }): Ticket => {
    const createdAt = START + createdMinute * MINUTE;
    const history = events
      .map((sketch): TicketEvent => {
        const at = new Date(createdAt + sketch.afterMinutes * MINUTE);
        switch (sketch.kind) {
          case 'severity':
            return { at, kind: 'severity', to: sketch.severity };
          case 'status':
            return { at, kind: 'status', to: sketch.status };
          case 'notified':
            return { at, kind: 'notified', role: sketch.role };
          case 'workaround':
            return { at, kind: 'workaround' };
          default:
            return { at, kind: 'publicReply' };
        }
      })
      .sort((a, b) => a.at.getTime() - b.at.getTime());
    return {
      system: 'zendesk',
      id: String(createdMinute),
      url: 'https://acme.zendesk.com/agent/tickets/1',
      title: 'random',
      createdAt: new Date(createdAt),
      severity: current,
      status: currentStatus,
      office,
      workaround,
      history,
    };
  });

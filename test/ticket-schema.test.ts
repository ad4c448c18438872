import { describe, expect, it } from 'vitest';
import { ticketFromJson, ticketToJson } from '../lib/engine/ticket-schema';
import type { Ticket } from '../lib/engine/types';

const ticket: Ticket = {
  system: 'zendesk',
  id: '35436',
  url: 'https://acme.zendesk.com/agent/tickets/35436',
  title: 'Database down',
  createdAt: new Date('2026-07-14T09:30:00Z'),
  severity: 1,
  status: 'active',
  office: 'shanghai',
  workaround: false,
  history: [
    { at: new Date('2026-07-14T09:30:00Z'), kind: 'severity', to: 1 },
    { at: new Date('2026-07-14T09:45:00Z'), kind: 'publicReply' },
    { at: new Date('2026-07-14T10:00:00Z'), kind: 'notified', role: 'sales-rep' },
  ],
};

describe('ticket JSON', () => {
  it('survives a round trip through JSON unchanged', () => {
    expect(ticketFromJson(JSON.parse(JSON.stringify(ticketToJson(ticket))))).toEqual(ticket);
  });

  it('names the path of a malformed field', () => {
    const json = { ...ticketToJson(ticket), severity: 7 };
    expect(() => ticketFromJson(json)).toThrow(/severity/);
  });

  it('rejects an event with a bad instant', () => {
    const json = ticketToJson(ticket);
    const broken = { ...json, history: [{ at: 'yesterday', kind: 'publicReply' }] };
    expect(() => ticketFromJson(broken)).toThrow(/history/);
  });
});

import type { Ticket } from '../../../lib/engine/types';

export const at = (hhmm: string) => new Date(`2026-07-14T${hhmm}:00Z`);

/** What the 35436 story (test/fixtures/zendesk) means, read by hand from the audits. */
export const expected35436: Ticket = {
  system: 'zendesk',
  id: '35436',
  url: 'https://acme.zendesk.com/agent/tickets/35436',
  title: 'Production database cluster down',
  createdAt: at('01:30'),
  severity: 2, // priority high
  status: 'active', // open
  office: 'shanghai',
  workaround: true,
  organization: 'Globex', // organization_id 360004445551 in the organizations sideload
  assignee: '9101',
  history: [
    { at: at('01:30'), kind: 'severity', to: 3 }, // Create priority normal
    { at: at('01:30'), kind: 'status', to: 'active' }, // Create status new (new → open at 01:45 stays active)
    // 01:45 private note by an agent, no marker; 02:00 end-user comment: nothing
    { at: at('02:10'), kind: 'publicReply' },
    { at: at('02:10'), kind: 'severity', to: 1 }, // normal → urgent
    { at: at('02:40'), kind: 'publicReply' },
    { at: at('02:40'), kind: 'status', to: 'waiting' }, // open → pending
    { at: at('03:10'), kind: 'status', to: 'active' }, // the customer answered: pending → open
    { at: at('04:45'), kind: 'notified', role: 'sales-rep' }, // private ack note by an agent
    { at: at('05:00'), kind: 'publicReply' }, // public comment quoting a marker: a reply, not an ack
    { at: at('05:20'), kind: 'publicReply' }, // by an admin
    { at: at('05:20'), kind: 'workaround' }, // workaround_provided added
    { at: at('06:00'), kind: 'severity', to: 2 }, // urgent → high (lowered)
    // 06:20 end user pasting a marker; 06:30 agent note with a malformed marker: nothing
  ],
};


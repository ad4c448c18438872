import { describe, expect, it } from 'vitest';
import type { TicketEvent } from '../../../lib/engine/types';
import { formatAckNote } from '../../../lib/helpdesks/ack-note';
import { ticketFromZendesk } from '../../../lib/helpdesks/zendesk/map';
import { parseZendeskMapping } from '../../../lib/helpdesks/zendesk/mapping';
import { expected35436 } from './expected-35436';
import { arrayAt, ticket35436 } from './fixtures';

type Json = Record<string, unknown>;

function auditAt(input: ReturnType<typeof ticket35436>, index: number): Json {
  const audit = input.audits[index];
  if (!audit) throw new Error(`no audit ${index}`);
  return audit;
}

function eventAt(input: ReturnType<typeof ticket35436>, auditIndex: number, eventIndex: number): Json {
  const event = arrayAt(auditAt(input, auditIndex), 'events')[eventIndex];
  if (!event) throw new Error(`no event ${auditIndex}/${eventIndex}`);
  return event;
}

function audit(createdAt: string, authorId: number, events: Json[], id = Date.parse(createdAt) / 1000): Json {
  return { id, created_at: createdAt, author_id: authorId, events };
}

const agent = { id: 501, name: 'Ana Agent', role: 'agent' };
const admin = { id: 502, name: 'Ada Admin', role: 'admin' };
const endUser = { id: 601, name: 'Eve Customer', role: 'end-user' };
const baseTicket = {
  id: 7,
  url: 'https://acme.zendesk.com/api/v2/tickets/7.json',
  subject: 'Printer on fire',
  created_at: '2026-07-14T01:00:00Z',
  updated_at: '2026-07-14T05:00:00Z',
  priority: 'high',
  status: 'open',
  tags: [],
  custom_fields: [],
};

describe('ticketFromZendesk: the ticket 35436 story', () => {
  it('maps the ticket, both audit pages and the sideloaded users to the expected Ticket', () => {
    expect(ticketFromZendesk(ticket35436())).toEqual(expected35436);
  });

  it('sorts history oldest first even when the audit pages arrive in the other order', () => {
    const input = ticket35436();
    const reversed = { ...input, audits: [...input.audits].reverse() };
    expect(ticketFromZendesk(reversed).history).toEqual(expected35436.history);
  });

  it('reads severity from a custom drop-down field when mapped so', () => {
    const mapping = parseZendeskMapping({
      severity: { source: 'customField', fieldId: 360011112222, values: { sev_1: 1, sev_2: 2, sev_3: 3, sev_4: 4 } },
    });
    const ticket = ticketFromZendesk(ticket35436(), mapping);
    expect(ticket.severity).toBe(2);
    expect(ticket.history.filter((event) => event.kind === 'severity')).toEqual(
      expected35436.history.filter((event) => event.kind === 'severity'),
    );
  });

  it('gives a ticket without audits (show_many) its current values and no history', () => {
    const { ticket, organizations } = ticket35436();
    expect(ticketFromZendesk({ ticket, organizations })).toEqual({ ...expected35436, history: [] });
  });
});

describe('ticketFromZendesk: history rules', () => {
  const create = (field: string, value: unknown) => ({ type: 'Create', field_name: field, value });
  const change = (field: string, value: unknown, previous: unknown) => ({
    type: 'Change',
    field_name: field,
    value,
    previous_value: previous,
  });
  const comment = (authorId: number, body: string, isPublic: boolean) => ({
    type: 'Comment',
    author_id: authorId,
    body,
    public: isPublic,
  });
  const users = [agent, admin, endUser];
  const history = (audits: Json[], ticket: Json = {}, mapping?: Parameters<typeof ticketFromZendesk>[1]) =>
    ticketFromZendesk({ ticket: { ...baseTicket, ...ticket }, audits, users }, mapping).history;

  it('takes the value at creation from the first Change when the Create event is missing', () => {
    expect(history([audit('2026-07-14T02:00:00Z', 501, [change('priority', 'high', 'low')])])).toEqual([
      { at: new Date('2026-07-14T01:00:00Z'), kind: 'severity', to: 4 },
      { at: new Date('2026-07-14T02:00:00Z'), kind: 'severity', to: 2 },
    ]);
  });

  it('records a priority that was unset at creation as an unknown severity', () => {
    expect(
      history([audit('2026-07-14T01:00:00Z', 601, [create('priority', null)]), audit('2026-07-14T01:20:00Z', 501, [change('priority', 'urgent', null)])]),
    ).toEqual([
      { at: new Date('2026-07-14T01:00:00Z'), kind: 'severity', to: null },
      { at: new Date('2026-07-14T01:20:00Z'), kind: 'severity', to: 1 },
    ]);
  });

  it('adds no event for a change that maps to the same value (new → open, hold → open)', () => {
    const audits = [
      audit('2026-07-14T01:00:00Z', 601, [create('status', 'new')]),
      audit('2026-07-14T01:10:00Z', 501, [change('status', 'open', 'new')]),
      audit('2026-07-14T01:20:00Z', 501, [change('status', 'hold', 'open')]),
      audit('2026-07-14T01:30:00Z', 501, [change('status', 'pending', 'hold')]),
      audit('2026-07-14T01:40:00Z', 501, [change('status', 'solved', 'pending')]),
      audit('2026-07-14T01:50:00Z', 501, [change('status', 'closed', 'solved')]),
    ];
    expect(history(audits)).toEqual([
      { at: new Date('2026-07-14T01:00:00Z'), kind: 'status', to: 'active' },
      { at: new Date('2026-07-14T01:30:00Z'), kind: 'status', to: 'waiting' },
      { at: new Date('2026-07-14T01:40:00Z'), kind: 'status', to: 'solved' },
    ]);
  });

  it('records a workaround each time the tag appears, also at creation', () => {
    const audits = [
      audit('2026-07-14T01:00:00Z', 601, [create('tags', ['workaround_provided'])]),
      audit('2026-07-14T02:00:00Z', 501, [change('tags', [], ['workaround_provided'])]),
      audit('2026-07-14T03:00:00Z', 501, [change('tags', ['x', 'workaround_provided'], [])]),
    ];
    expect(history(audits)).toEqual([
      { at: new Date('2026-07-14T01:00:00Z'), kind: 'workaround' },
      { at: new Date('2026-07-14T03:00:00Z'), kind: 'workaround' },
    ]);
  });

  it('honours a renamed workaround tag', () => {
    const audits = [audit('2026-07-14T03:00:00Z', 501, [change('tags', ['wa_given'], [])])];
    const mapping = parseZendeskMapping({ workaroundTag: 'wa_given' });
    expect(history(audits, { tags: ['wa_given'] }, mapping)).toEqual([{ at: new Date('2026-07-14T03:00:00Z'), kind: 'workaround' }]);
  });

  it('reads severity from sev_ tags (the most severe wins), also from space-separated tag strings', () => {
    const mapping = parseZendeskMapping({ severity: { source: 'tags' } });
    const audits = [
      audit('2026-07-14T01:00:00Z', 601, [create('tags', 'billing sev_3')]),
      audit('2026-07-14T02:00:00Z', 501, [change('tags', ['billing', 'sev_3', 'sev_1'], ['billing', 'sev_3'])]),
      audit('2026-07-14T03:00:00Z', 501, [change('tags', ['billing'], ['billing', 'sev_3', 'sev_1'])]),
    ];
    const ticket = ticketFromZendesk({ ticket: { ...baseTicket, tags: ['billing', 'sev_2', 'sev_4'] }, audits, users }, mapping);
    expect(ticket.severity).toBe(2);
    expect(ticket.history).toEqual([
      { at: new Date('2026-07-14T01:00:00Z'), kind: 'severity', to: 3 },
      { at: new Date('2026-07-14T02:00:00Z'), kind: 'severity', to: 1 },
      { at: new Date('2026-07-14T03:00:00Z'), kind: 'severity', to: null },
    ]);
  });

  it.each([
    ['a public comment by an agent is a public reply', 501, true, 'On it.', [{ kind: 'publicReply' }]],
    ['a public comment by an admin is a public reply', 502, true, 'On it.', [{ kind: 'publicReply' }]],
    ['a public comment by an end user is not', 601, true, 'Any news?', []],
    ['a private note by an agent without a marker is nothing', 501, false, 'Checked logs.', []],
  ] as const)('%s', (_rule, authorId, isPublic, body, kinds) => {
    const events = history([audit('2026-07-14T02:00:00Z', authorId, [comment(authorId, body, isPublic)])]);
    expect(events.map(({ kind }) => ({ kind }))).toEqual(kinds);
  });

  it('uses the comment author, not the audit author, to tell agents from end users', () => {
    // An agent updating the ticket on behalf of the customer (e.g. pasting a phone call).
    const events = history([audit('2026-07-14T02:00:00Z', 501, [comment(601, 'Customer says it is down again.', true)])]);
    expect(events).toEqual([]);
  });

  describe('acknowledgement notes (issue 8)', () => {
    const note = formatAckNote({
      roleName: 'District Sales Manager',
      roleId: 'district-sales-manager',
      person: 'Tom Lee',
      channel: 'phone',
      at: new Date('2026-07-14T02:58:00Z'),
      level: 3,
    });

    it('round-trips: the note written by "mark notified" comes back as a notified event at the audit time', () => {
      const events = history([audit('2026-07-14T03:00:00Z', 501, [comment(501, note, false)])]);
      expect(events).toEqual([{ at: new Date('2026-07-14T03:00:00Z'), kind: 'notified', role: 'district-sales-manager' }]);
    });

    it.each([
      ['in a public comment by an agent (it is a reply, not an ack)', 501, true, [{ kind: 'publicReply' }]],
      ['in a comment by an end user', 601, false, []],
      ['in a public comment by an end user', 601, true, []],
    ] as const)('is ignored %s', (_where, authorId, isPublic, kinds) => {
      const events = history([audit('2026-07-14T03:00:00Z', authorId, [comment(authorId, note, isPublic)])]);
      expect(events.map(({ kind }) => ({ kind }))).toEqual(kinds);
    });

    it('is ignored when malformed', () => {
      const broken = note.replace(' (role: district-sales-manager)', '');
      expect(history([audit('2026-07-14T03:00:00Z', 501, [comment(501, broken, false)])])).toEqual([]);
    });

    it('is read from html_body when the plain body lost it', () => {
      const event = { ...comment(501, 'see below', false), html_body: `<p>see below</p><p>${note}</p>` };
      expect(history([audit('2026-07-14T03:00:00Z', 501, [event])])).toEqual([
        { at: new Date('2026-07-14T03:00:00Z'), kind: 'notified', role: 'district-sales-manager' },
      ]);
    });
  });

  it('ignores event types it does not use (Notification, Cc, SatisfactionRating)', () => {
    const events = history([
      audit('2026-07-14T02:00:00Z', -1, [
        { type: 'Notification', subject: 'x', body: 'y', recipients: [601] },
        { type: 'Cc', recipients: [602] },
        { type: 'SatisfactionRating', score: 'good' },
      ]),
    ]);
    expect(events).toEqual<TicketEvent[]>([]);
  });
});

describe('ticketFromZendesk: malformed bodies name the field', () => {
  type Breakage = (input: ReturnType<typeof ticket35436>) => void;
  const cases: Array<[string, Breakage, RegExp]> = [
    ['created_at that is not a date', (input) => void (input.ticket.created_at = 'yesterday'), /ticket\.created_at: expected an ISO date/],
    ['a missing id', (input) => void delete input.ticket.id, /ticket\.id: missing/],
    ['an unknown status', (input) => void (input.ticket.status = 'deleted'), /ticket\.status: expected one of new, open/],
    ['an unknown priority', (input) => void (input.ticket.priority = 'critical'), /ticket\.priority/],
    ['tags that are not a list', (input) => void (input.ticket.tags = 'a b'), /ticket\.tags: expected a list of tags/],
    ['an audit without created_at', (input) => void delete auditAt(input, 3).created_at, /audits\[3\]\.created_at: missing/],
    ['a Comment without public', (input) => void delete eventAt(input, 3, 0).public, /audits\[3\]\.events\[0\]\.public: missing/],
    ['a Change without field_name', (input) => void delete eventAt(input, 1, 0).field_name, /audits\[1\]\.events\[0\]\.field_name/],
    ['a status change to an unknown status', (input) => void (eventAt(input, 1, 0).value = 'weird'), /audits\[1\]\.events\[0\]\.value: expected a status/],
    ['a tags change that is not a list', (input) => void (eventAt(input, 1, 2).value = 42), /audits\[1\]\.events\[2\]\.value: expected a list of tags/],
    ['a user without a role', (input) => void delete (input.users[0] as Json).role, /users\[0\]\.role: missing/],
  ];

  it.each(cases)('rejects %s', (_name, breakIt, message) => {
    const input = ticket35436();
    breakIt(input);
    expect(() => ticketFromZendesk(input)).toThrow(message);
  });

  it('rejects audits given without any users', () => {
    const { ticket, audits } = ticket35436();
    expect(() => ticketFromZendesk({ ticket, audits })).toThrow(/users: missing/);
  });

  it('throws a HelpdeskError of kind malformed', () => {
    const input = ticket35436();
    input.ticket.created_at = 'yesterday';
    expect(() => ticketFromZendesk(input)).toThrow(expect.objectContaining({ name: 'HelpdeskError', kind: 'malformed' }));
  });
});

describe('ticketFromZendesk: side reads never fail the ticket (issue 13)', () => {
  it('reads a ticket whose comment author is missing from users: that comment is no agent reply, and the gap is said', () => {
    const input = ticket35436();
    // The agent who replied at 02:10 and 02:40 is left out of the sideload, as a deleted user is.
    const agentId = 9101;
    input.users = input.users.filter((user) => user.id !== agentId);
    const ticket = ticketFromZendesk(input);
    const replies = ticket.history.filter((event) => event.kind === 'publicReply').map((event) => event.at.toISOString());
    expect(replies).not.toContain('2026-07-14T02:10:00.000Z');
    expect(replies).not.toContain('2026-07-14T02:40:00.000Z');
    expect(replies.length).toBeGreaterThan(0);
    expect(ticket.gaps).toEqual([expect.stringMatching(/comments by user 9101: .*not counted as agent replies/)]);
  });

  it('names the organisation from the sideload and the assignee by id', () => {
    const ticket = ticketFromZendesk({ ...ticket35436() });
    expect(ticket.organization).toBe('Globex');
    expect(ticket.assignee).toBe('9101');
  });

  it('says when the organisation was not sideloaded, and still reads the ticket', () => {
    const { ticket, audits, users } = ticket35436();
    const read = ticketFromZendesk({ ticket, audits, users });
    expect(read.organization).toBeNull();
    expect(read.gaps).toEqual([expect.stringMatching(/customer organisation 360004445551/)]);
  });

  it('has no organisation, assignee or gaps on an unassigned ticket without organisation', () => {
    const read = ticketFromZendesk({ ticket: { ...baseTicket, organization_id: null, assignee_id: null } });
    expect(read).toMatchObject({ organization: null, assignee: null });
    expect(read.gaps).toBeUndefined();
  });
});

import { type SimClock, zendeskInstant } from './clock';
import { currentState, type SimEvent, type SimTicket } from './seed';

/** REST bodies shaped like Zendesk's (see shared/HELPDESKS.md). */

export const AGENT = { id: 9001, name: 'Ada Agent', email: 'ada@acme.example', role: 'agent' };
export const ADMIN = { id: 9002, name: 'Max Admin', email: 'max@acme.example', role: 'admin' };
const REQUESTER_BASE = 700000;
const ORG_BASE = 360000;

export function requesterId(ticket: SimTicket): number {
  return REQUESTER_BASE + ticket.id;
}

function requester(ticket: SimTicket) {
  return {
    id: requesterId(ticket),
    name: `Customer of ${ticket.organization}`,
    email: `it@${ticket.organization.toLowerCase()}.example`,
    role: 'end-user',
  };
}

function lastChangeMin(ticket: SimTicket): number {
  return Math.max(ticket.createdMin, ...ticket.events.map((event) => event.atMin));
}

export function zendeskTicket(ticket: SimTicket, clock: SimClock, origin: string) {
  const state = currentState(ticket);
  return {
    url: `${origin}/api/v2/tickets/${ticket.id}.json`,
    id: ticket.id,
    external_id: null,
    via: { channel: 'web', source: { from: {}, to: {}, rel: null } },
    created_at: zendeskInstant(clock.at(ticket.createdMin)),
    updated_at: zendeskInstant(clock.at(lastChangeMin(ticket))),
    type: 'incident',
    subject: ticket.subject,
    raw_subject: ticket.subject,
    description: `${ticket.subject}. Please help.`,
    priority: state.priority,
    status: state.status,
    custom_status_id: 1000 + ['new', 'open', 'pending', 'hold', 'solved', 'closed'].indexOf(state.status),
    recipient: null,
    requester_id: requesterId(ticket),
    submitter_id: requesterId(ticket),
    assignee_id: AGENT.id,
    organization_id: ORG_BASE + (ticket.id % 97),
    group_id: 20001,
    collaborator_ids: [],
    follower_ids: [],
    has_incidents: false,
    is_public: true,
    due_at: null,
    tags: state.tags,
    custom_fields: [{ id: 360001, value: null }],
    satisfaction_rating: null,
    sharing_agreement_ids: [],
    brand_id: 1,
    allow_channelback: false,
    allow_attachments: true,
  };
}

interface Audit {
  id: number;
  ticket_id: number;
  created_at: string;
  author_id: number;
  metadata: object;
  via: object;
  events: object[];
}

function auditFor(ticket: SimTicket, event: SimEvent, index: number, clock: SimClock, before: ReturnType<typeof currentState>): Audit {
  const base = {
    id: ticket.id * 1000 + index,
    ticket_id: ticket.id,
    created_at: zendeskInstant(clock.at(event.atMin)),
    metadata: { system: {}, custom: {} },
    via: { channel: 'web', source: { from: {}, to: {}, rel: null } },
  };
  const eventId = ticket.id * 100000 + index * 10;
  switch (event.type) {
    case 'priority':
      return { ...base, author_id: AGENT.id, events: [{ id: eventId, type: 'Change', field_name: 'priority', value: event.to, previous_value: before.priority }] };
    case 'status':
      return { ...base, author_id: AGENT.id, events: [{ id: eventId, type: 'Change', field_name: 'status', value: event.to, previous_value: before.status }] };
    case 'tags': {
      const next = new Set(before.tags);
      event.add.forEach((tag) => next.add(tag));
      event.remove?.forEach((tag) => next.delete(tag));
      return { ...base, author_id: AGENT.id, events: [{ id: eventId, type: 'Change', field_name: 'tags', value: [...next], previous_value: before.tags }] };
    }
    case 'agentReply':
    case 'internalNote':
    case 'customerComment': {
      const author = event.type === 'customerComment' ? requesterId(ticket) : AGENT.id;
      return {
        ...base,
        author_id: author,
        events: [
          {
            id: eventId,
            type: 'Comment',
            author_id: author,
            body: event.body,
            html_body: `<div class="zd-comment"><p>${escapeHtml(event.body)}</p></div>`,
            plain_body: event.body,
            public: event.type !== 'internalNote',
            attachments: [],
            audit_id: base.id,
          },
        ],
      };
    }
  }
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function zendeskAudits(ticket: SimTicket, clock: SimClock): Audit[] {
  const createdState = currentState({ ...ticket, events: [] });
  const create: Audit = {
    id: ticket.id * 1000,
    ticket_id: ticket.id,
    created_at: zendeskInstant(clock.at(ticket.createdMin)),
    author_id: requesterId(ticket),
    metadata: { system: { client: 'Mozilla/5.0' }, custom: {} },
    via: { channel: 'web', source: { from: {}, to: {}, rel: null } },
    events: [
      { id: ticket.id * 100000, type: 'Comment', author_id: requesterId(ticket), body: `${ticket.subject}. Please help.`, public: true, attachments: [] },
      { id: ticket.id * 100000 + 1, type: 'Create', field_name: 'subject', value: ticket.subject },
      { id: ticket.id * 100000 + 2, type: 'Create', field_name: 'status', value: createdState.status },
      { id: ticket.id * 100000 + 3, type: 'Create', field_name: 'priority', value: createdState.priority },
      { id: ticket.id * 100000 + 4, type: 'Create', field_name: 'tags', value: createdState.tags },
    ],
  };
  const audits = [create];
  const ordered = [...ticket.events].sort((a, b) => a.atMin - b.atMin);
  ordered.forEach((event, index) => {
    const before = currentState(ticket, event.atMin - 1e-9);
    audits.push(auditFor(ticket, event, index + 1, clock, before));
  });
  return audits;
}

export function zendeskUsers(ticket: SimTicket) {
  return [AGENT, ADMIN, requester(ticket)].map((user) => ({ ...user, active: true, verified: true, time_zone: 'Pacific Time (US & Canada)' }));
}

/** Zendesk's own SLA targets, which count calendar time: they drift from ours on business-day targets. */
export function zendeskSlas(ticket: SimTicket, clock: SimClock) {
  const state = currentState(ticket);
  const minutes = { urgent: 30, high: 120, normal: 24 * 60, low: null }[state.priority ?? 'low'];
  if (minutes === null || minutes === undefined) return { policy_metrics: [] };
  const replied = ticket.events.some((event) => event.type === 'agentReply');
  return {
    policy_metrics: [
      {
        breach_at: zendeskInstant(clock.at(ticket.createdMin + minutes)),
        stage: replied ? 'achieved' : 'active',
        metric: 'first_reply_time',
        hours: minutes / 60,
        minutes,
        days: 0,
      },
    ],
  };
}

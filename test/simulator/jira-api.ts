import { jiraInstant, type SimClock } from './clock';
import { currentState, jiraKeyOf, type SimPriority, type SimStatus, type SimTicket } from './seed';

/** REST bodies shaped like Jira Cloud's v3 (ADF bodies) and Data Center's v2 (plain text). */

export const JIRA_AGENT = { accountId: '5b10ac8d82e05b22cc7d4ef5', name: 'ada', key: 'JIRAUSER10100', displayName: 'Ada Agent' };

function reporterOf(ticket: SimTicket) {
  return {
    accountId: `qm:customer:${ticket.id}`,
    name: `customer${ticket.id}`,
    key: `JIRAUSER${ticket.id}`,
    displayName: `Customer of ${ticket.organization}`,
  };
}

const PRIORITY_NAMES: Record<Exclude<SimPriority, null>, string> = {
  urgent: 'Highest',
  high: 'High',
  normal: 'Medium',
  low: 'Low',
};

const STATUSES: Record<SimStatus, { name: string; category: 'new' | 'indeterminate' | 'done' }> = {
  new: { name: 'Open', category: 'new' },
  open: { name: 'In Progress', category: 'indeterminate' },
  hold: { name: 'In Progress', category: 'indeterminate' },
  pending: { name: 'Waiting for customer', category: 'indeterminate' },
  solved: { name: 'Resolved', category: 'done' },
  closed: { name: 'Closed', category: 'done' },
};

export function jiraLabels(tags: string[]): string[] {
  return tags.map((tag) => tag.replace(/_/g, '-'));
}

function user(person: { accountId: string; name: string; key: string; displayName: string }, apiVersion: 2 | 3) {
  return apiVersion === 3
    ? { accountId: person.accountId, displayName: person.displayName, active: true }
    : { name: person.name, key: person.key, displayName: person.displayName, active: true };
}

function body(text: string, apiVersion: 2 | 3) {
  if (apiVersion === 2) return text;
  return { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] };
}

export function jiraComments(ticket: SimTicket, clock: SimClock, origin: string, apiVersion: 2 | 3) {
  const reporter = reporterOf(ticket);
  const issueId = 10000 + ticket.id;
  const first = { type: 'customerComment' as const, atMin: ticket.createdMin, body: `${ticket.subject}. Please help.` };
  const comments = [first, ...ticket.events]
    .filter((event) => event.type === 'agentReply' || event.type === 'customerComment' || event.type === 'internalNote')
    .sort((a, b) => a.atMin - b.atMin);
  return comments.map((event, index) => {
    const author = event.type === 'customerComment' ? reporter : JIRA_AGENT;
    const id = String(issueId * 100 + index);
    return {
      self: `${origin}/rest/api/${apiVersion}/issue/${issueId}/comment/${id}`,
      id,
      author: user(author, apiVersion),
      updateAuthor: user(author, apiVersion),
      body: body('body' in event ? event.body : '', apiVersion),
      created: jiraInstant(clock.at(event.atMin)),
      updated: jiraInstant(clock.at(event.atMin)),
      jsdPublic: event.type !== 'internalNote',
    };
  });
}

interface HistoryEntry {
  id: string;
  author: ReturnType<typeof user>;
  created: string;
  items: Array<{ field: string; fieldtype: string; fieldId: string; from: string | null; fromString: string | null; to: string | null; toString: string | null }>;
}

function changelog(ticket: SimTicket, clock: SimClock, apiVersion: 2 | 3) {
  const histories = [...ticket.events]
    .sort((a, b) => a.atMin - b.atMin)
    .flatMap((event, index): HistoryEntry[] => {
      const before = currentState(ticket, event.atMin - 1e-9);
      const base = { id: String(ticket.id * 100 + index), author: user(JIRA_AGENT, apiVersion), created: jiraInstant(clock.at(event.atMin)) };
      if (event.type === 'priority') {
        return [{ ...base, items: [{ field: 'priority', fieldtype: 'jira', fieldId: 'priority', from: null, fromString: before.priority ? PRIORITY_NAMES[before.priority] : null, to: null, toString: event.to ? PRIORITY_NAMES[event.to] : null }] }];
      }
      if (event.type === 'status') {
        return [{ ...base, items: [{ field: 'status', fieldtype: 'jira', fieldId: 'status', from: '1', fromString: STATUSES[before.status].name, to: '2', toString: STATUSES[event.to].name }] }];
      }
      if (event.type === 'tags') {
        const after = currentState(ticket, event.atMin);
        return [{ ...base, items: [{ field: 'labels', fieldtype: 'jira', fieldId: 'labels', from: null, fromString: jiraLabels(before.tags).join(' '), to: null, toString: jiraLabels(after.tags).join(' ') }] }];
      }
      return [];
    });
  return { startAt: 0, maxResults: histories.length, total: histories.length, histories };
}

export function jiraIssue(ticket: SimTicket, clock: SimClock, origin: string, apiVersion: 2 | 3, commentPageSize = 50) {
  const state = currentState(ticket);
  const status = STATUSES[state.status];
  const comments = jiraComments(ticket, clock, origin, apiVersion);
  const lastMin = Math.max(ticket.createdMin, ...ticket.events.map((event) => event.atMin));
  const issueId = String(10000 + ticket.id);
  return {
    expand: 'renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations',
    id: issueId,
    self: `${origin}/rest/api/${apiVersion}/issue/${issueId}`,
    key: jiraKeyOf(ticket),
    fields: {
      summary: ticket.subject,
      created: jiraInstant(clock.at(ticket.createdMin)),
      updated: jiraInstant(clock.at(lastMin)),
      priority: state.priority ? { self: `${origin}/rest/api/${apiVersion}/priority/1`, name: PRIORITY_NAMES[state.priority], id: '1' } : null,
      status: {
        self: `${origin}/rest/api/${apiVersion}/status/1`,
        name: status.name,
        id: '1',
        statusCategory: { id: 1, key: status.category, name: status.category, colorName: 'blue-gray' },
      },
      labels: jiraLabels(state.tags),
      reporter: user(reporterOf(ticket), apiVersion),
      assignee: user(JIRA_AGENT, apiVersion),
      project: { key: 'SUP', name: 'Support', projectTypeKey: 'service_desk' },
      issuetype: { name: 'Incident' },
      customfield_10050: null,
      comment: {
        comments: comments.slice(0, commentPageSize),
        self: `${origin}/rest/api/${apiVersion}/issue/${issueId}/comment`,
        maxResults: commentPageSize,
        total: comments.length,
        startAt: 0,
      },
    },
    changelog: changelog(ticket, clock, apiVersion),
  };
}

/** JSM's own SLA ("Time to first response"), in calendar time. */
export function jiraSla(ticket: SimTicket, clock: SimClock) {
  const state = currentState(ticket);
  const minutes = { urgent: 30, high: 120, normal: 24 * 60, low: null }[state.priority ?? 'low'];
  const values = [];
  if (minutes !== null && minutes !== undefined) {
    const start = clock.at(ticket.createdMin);
    const breach = clock.at(ticket.createdMin + minutes);
    const stamp = (date: Date) => ({ iso8601: jiraInstant(date), epochMillis: date.getTime(), friendly: date.toUTCString() });
    values.push({
      id: '1',
      name: 'Time to first response',
      completedCycles: [],
      ongoingCycle: {
        startTime: stamp(start),
        breachTime: stamp(breach),
        breached: false,
        paused: state.status === 'pending',
        withinCalendarHours: false,
        goalDuration: { millis: minutes * 60_000, friendly: `${minutes}m` },
        elapsedTime: { millis: 0, friendly: '0m' },
        remainingTime: { millis: minutes * 60_000, friendly: `${minutes}m` },
      },
    });
  }
  return { size: values.length, start: 0, limit: 50, isLastPage: true, values };
}

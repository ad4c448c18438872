import { type SimClock, zendeskInstant } from './clock';
import { currentState, type SimTicket } from './seed';

/**
 * Real Zendesk and Jira as they are (issue 13): shapes and behaviours our own simulator did not
 * model, each switched on through `/__sim/control/config` and each following a public source
 * (test/fixtures/zendesk/SOURCES.md, test/fixtures/jira/SOURCES.md). Off by default, so every
 * other test sees the simulator it always saw.
 */
export interface RealVariants {
  /** 'class': every opened ticket tab keeps its pane in the DOM, inactive ones hidden by a CSS class. */
  zendeskPanes: 'single' | 'class';
  /** The Agent Workspace's language: status and priority words and the shown dates change; attributes do not. */
  zendeskLanguage: 'en' | 'de' | 'ja';
  /** Custom ticket statuses: the status shows its own name ("Awaiting vendor"), the badge's test id keeps the category. */
  zendeskCustomStatus: boolean;
  /** A long conversation loads lazily: only the newest N messages are rendered until "load earlier" is clicked. */
  zendeskLazyConversation: number | null;
  /** A view can hide its ID column: rows then carry only their subject link. */
  zendeskIdColumn: boolean;
  /** false: the single-ticket endpoint ignores include=slas (reported), so metric events are read. */
  zendeskSlaSideload: boolean;
  /** false: a plan without SLA policies: metric events have no apply_sla, no breach. */
  zendeskSlaPlan: boolean;
  /** Metric events as a list (`ticket_metric_events: [...]`) or keyed by metric (`{reply_time: [...]}`). */
  zendeskMetricEventsShape: 'list' | 'byMetric';
  /** User ids the audits' users sideload leaves out (a deleted or suspended author). */
  usersLeftOutOfAudits: number[];
  /** User ids users/show_many does not return either. */
  unknownUsers: number[];
  /**
   * Jira Cloud's UI language: the status and priority words and the created date (text only, in
   * the footnote, as public scripts read it) change; test ids and REST bodies do not.
   */
  jiraLanguage: 'en' | 'de' | 'ja';
  /** Jira search cuts each issue's embedded changelog to its newest N histories and leaves `total` out. */
  jiraSearchChangelogCap: number | null;
  /** The same cut on a single issue read (as seen on busy Cloud issues). */
  jiraIssueChangelogCap: number | null;
  /** JSM SLA cycles without `breached` (the REST models mark it optional). */
  jsmCyclesWithoutBreached: boolean;
}

export const defaultRealVariants = (): RealVariants => ({
  zendeskPanes: 'single',
  zendeskLanguage: 'en',
  zendeskCustomStatus: false,
  zendeskLazyConversation: null,
  zendeskIdColumn: true,
  zendeskSlaSideload: true,
  zendeskSlaPlan: true,
  zendeskMetricEventsShape: 'list',
  usersLeftOutOfAudits: [],
  unknownUsers: [],
  jiraLanguage: 'en',
  jiraSearchChangelogCap: null,
  jiraIssueChangelogCap: null,
  jsmCyclesWithoutBreached: false,
});

const ORG_BASE = 360000;

/** The organisation Zendesk sideloads with include=organizations (its id is the ticket's organization_id). */
export function zendeskOrganization(ticket: SimTicket, origin: string) {
  const id = ORG_BASE + (ticket.id % 97);
  return {
    url: `${origin}/api/v2/organizations/${id}.json`,
    id,
    name: ticket.organization,
    shared_tickets: false,
    shared_comments: false,
    external_id: null,
    domain_names: [`${ticket.organization.toLowerCase().replace(/\W+/g, '')}.example`],
    details: '',
    notes: '',
    group_id: null,
    tags: [],
    organization_fields: {},
  };
}

/**
 * GET /api/v2/tickets/{id}/metric_events.json for a ticket: `activate` for each metric at creation,
 * `apply_sla` and a `breach` ahead of time for the first reply when the plan has SLAs, `fulfill`
 * at the first agent reply. As a list, or keyed by metric.
 */
export function zendeskMetricEvents(ticket: SimTicket, clock: SimClock, variants: RealVariants) {
  const created = zendeskInstant(clock.at(ticket.createdMin));
  const base = (id: number, metric: string, type: string, time: string) => ({ id: ticket.id * 1000 + id, ticket_id: ticket.id, metric, instance_id: 1, type, time });
  const events: Array<Record<string, unknown>> = [
    base(1, 'agent_work_time', 'activate', created),
    base(2, 'requester_wait_time', 'activate', created),
    base(3, 'reply_time', 'activate', created),
  ];
  const minutes = { urgent: 30, high: 120, normal: 24 * 60, low: null }[currentState(ticket).priority ?? 'low'];
  if (variants.zendeskSlaPlan && minutes) {
    events.push({ ...base(4, 'reply_time', 'apply_sla', created), sla: { target: minutes, business_hours: false, policy: { id: 1, title: 'Standard', description: '' } } });
    const replied = ticket.events.find((event) => event.type === 'agentReply');
    events.push({ ...base(5, 'reply_time', 'breach', zendeskInstant(clock.at(ticket.createdMin + minutes))), deleted: replied !== undefined && replied.atMin < ticket.createdMin + minutes });
  }
  const reply = ticket.events.find((event) => event.type === 'agentReply');
  if (reply) events.push(base(6, 'reply_time', 'fulfill', zendeskInstant(clock.at(reply.atMin))));
  if (variants.zendeskMetricEventsShape === 'list') return { ticket_metric_events: events, next_page: null, previous_page: null, count: events.length };
  const byMetric: Record<string, unknown[]> = {};
  for (const event of events) (byMetric[String(event.metric)] ??= []).push(event);
  return { ticket_metric_events: byMetric };
}

/** JSM's "Organizations" field (a custom field; its id differs per site) and the `names` that name it. */
export const JSM_ORGANIZATIONS_FIELD = 'customfield_10002';

export function jsmOrganizations(ticket: SimTicket, origin: string) {
  const id = String(ORG_BASE + (ticket.id % 97));
  return [{ id, name: ticket.organization, _links: { self: `${origin}/rest/servicedeskapi/organization/${id}` } }];
}

export const jiraFieldNames: Record<string, string> = {
  summary: 'Summary',
  created: 'Created',
  updated: 'Updated',
  priority: 'Priority',
  status: 'Status',
  labels: 'Labels',
  reporter: 'Reporter',
  assignee: 'Assignee',
  comment: 'Comment',
  project: 'Project',
  issuetype: 'Issue Type',
  customfield_10050: 'Severity',
  [JSM_ORGANIZATIONS_FIELD]: 'Organizations',
};

/** An embedded changelog as a capped search gives it: the newest `cap` histories, no total. */
export function cappedChangelog(changelog: { histories: unknown[] }, cap: number | null) {
  if (cap === null || changelog.histories.length <= cap) return changelog;
  return { histories: changelog.histories.slice(-cap) };
}

/** GET /rest/api/{2,3}/issue/{key}/changelog: every history, paged by startAt (Cloud's PageOfChangelogs). */
export function changelogPage(histories: unknown[], startAt: number, maxResults: number) {
  const values = histories.slice(startAt, startAt + maxResults);
  return { startAt, maxResults, total: histories.length, isLast: startAt + values.length >= histories.length, values };
}

/** A JSM SLA body with `breached` left out of every cycle. */
export function withoutBreached(body: { values: Array<Record<string, unknown>> }) {
  const strip = (cycle: unknown) => {
    if (!cycle || typeof cycle !== 'object') return cycle;
    const { breached: _breached, ...rest } = cycle as Record<string, unknown>;
    return rest;
  };
  return {
    ...body,
    values: body.values.map((value) => ({
      ...value,
      ...(value.ongoingCycle ? { ongoingCycle: strip(value.ongoingCycle) } : {}),
      completedCycles: Array.isArray(value.completedCycles) ? value.completedCycles.map(strip) : [],
    })),
  };
}

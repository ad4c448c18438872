import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { SimClock } from './clock';
import { FaultPlan, type Fault } from './faults';
import { jiraComments, jiraIssue, jiraLabels, jiraSla, JIRA_AGENT } from './jira-api';
import { currentState, generatedTickets, jiraKeyOf, sampleTickets, type SimTicket } from './seed';
import { AGENT, zendeskAudits, zendeskSlas, zendeskTicket, zendeskUsers } from './zendesk-api';
import {
  cappedChangelog,
  changelogPage,
  defaultRealVariants,
  jiraFieldNames,
  JSM_ORGANIZATIONS_FIELD,
  jsmOrganizations,
  withoutBreached,
  zendeskMetricEvents,
  zendeskOrganization,
  type RealVariants,
} from './real-variants';

/**
 * A local HTTPS helpdesk simulator: pages shaped like Zendesk's Agent Workspace and Jira's issue
 * view / JSM queue, and REST endpoints with bodies shaped like the real ones. The host name picks
 * the helpdesk (`*.zendesk.com`, `*.atlassian.net`, anything else with `jira` = Data Center, v2).
 */

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const CSRF_TOKEN = 'sim-csrf-token-4f1c';

export interface SimulatorOptions {
  port?: number;
  host?: string;
  /** Tickets to serve; defaults to the hand-picked sample plus 1,000 generated ones. */
  tickets?: SimTicket[];
  anchorMs?: number;
}

export interface RequestRecord {
  method: string;
  host: string;
  path: string;
  at: number;
}

export interface HelpdeskSimulator {
  port: number;
  clock: SimClock;
  tickets: Map<number, SimTicket>;
  requests: RequestRecord[];
  notesWritten: Array<{ system: 'zendesk' | 'jira'; id: string; body: string; internal: boolean }>;
  config: { pageShape: 'normal' | 'changed'; auditsPerPage: number; commentsPerPage: number } & RealVariants;
  addFault(fault: Fault): void;
  clearFaults(): void;
  close(): Promise<void>;
}

type Handler = (req: IncomingMessage, url: URL, body: string) => { status: number; json?: unknown; text?: string; type?: string; headers?: Record<string, string> } | null;

export async function startHelpdeskSimulator(options: SimulatorOptions = {}): Promise<HelpdeskSimulator> {
  const clock = new SimClock(options.anchorMs ?? Date.now());
  const tickets = new Map<number, SimTicket>();
  for (const ticket of options.tickets ?? [...sampleTickets(), ...generatedTickets(1000)]) tickets.set(ticket.id, ticket);
  const faults = new FaultPlan();
  const requests: RequestRecord[] = [];
  const notesWritten: HelpdeskSimulator['notesWritten'] = [];
  const config: HelpdeskSimulator['config'] = { pageShape: 'normal', auditsPerPage: 100, commentsPerPage: 50, ...defaultRealVariants() };

  const byKey = (key: string) => [...tickets.values()].find((ticket) => jiraKeyOf(ticket) === key);
  const samples = () => [...tickets.values()].filter((ticket) => ticket.id < 50000);
  const generated = () => [...tickets.values()].filter((ticket) => ticket.id >= 50000);
  const nowMin = () => clock.minutesOf(new Date());

  const shell = (app: string, title: string, lang = config.zendeskLanguage) =>
    `<!doctype html><html lang="${lang}" data-shape="${config.pageShape}" data-panes="${config.zendeskPanes}" data-id-column="${config.zendeskIdColumn ? 'on' : 'off'}" data-custom-status="${config.zendeskCustomStatus ? 'on' : 'off'}" data-lazy="${config.zendeskLazyConversation ?? ''}"><head><meta charset="utf-8"><title>${title}</title>` +
    `<link rel="stylesheet" href="/__sim/app.css"></head><body><div id="root"></div><script src="/__sim/${app}"></script></body></html>`;

  const zendesk: Handler = (req, url, body) => {
    const path = url.pathname;
    if (path.startsWith('/agent')) return { status: 200, text: shell('zendesk-app.js', 'Acme Support'), type: 'text/html' };
    if (path === '/__sim/page-data/tabs') return { status: 200, json: { tabs: samples().slice(0, 6).map((t) => ({ id: t.id, subject: t.subject })) } };
    let match = path.match(/^\/__sim\/page-data\/tickets\/(\d+)$/);
    if (match) {
      const ticket = tickets.get(Number(match[1]));
      if (!ticket) return { status: 404, json: { error: 'RecordNotFound' } };
      const state = currentState(ticket);
      const comments = zendeskAudits(ticket, clock).flatMap((audit) =>
        (audit.events as Array<{ type: string; body?: string; public?: boolean; author_id?: number }>)
          .filter((event) => event.type === 'Comment')
          .map((event) => ({ author: event.author_id === AGENT.id ? AGENT.name : 'Customer', agent: event.author_id === AGENT.id, public: event.public, body: event.body, at: audit.created_at })),
      );
      return { status: 200, json: { id: ticket.id, subject: ticket.subject, ...state, comments } };
    }
    match = path.match(/^\/__sim\/page-data\/views\/(\d+)$/);
    if (match) {
      // View 1: the samples; 100: the first 100 generated tickets (the scale script's view); 1000: all generated.
      const shown = match[1] === '1000' ? generated() : match[1] === '100' ? generated().slice(0, 100) : samples();
      const rows = shown.map((t) => ({ id: t.id, subject: t.subject, ...currentState(t) }));
      return { status: 200, json: { rows } };
    }
    if (path === '/api/v2/users/me.json') return { status: 200, json: { user: { ...AGENT, authenticity_token: CSRF_TOKEN } } };
    if (path === '/api/v2/tickets/show_many.json') {
      const ids = (url.searchParams.get('ids') ?? '').split(',').filter(Boolean).map(Number);
      if (ids.length > 100) return { status: 400, json: { error: 'TooManyIds', description: 'ids: at most 100' } };
      const found = ids.map((id) => tickets.get(id)).filter((t): t is SimTicket => Boolean(t));
      const organizations = (url.searchParams.get('include') ?? '').split(',').includes('organizations')
        ? { organizations: [...new Map(found.map((t) => [zendeskOrganization(t, url.origin).id, zendeskOrganization(t, url.origin)])).values()] }
        : {};
      return { status: 200, json: { tickets: found.map((t) => zendeskTicket(t, clock, url.origin)), ...organizations, next_page: null, previous_page: null, count: found.length } };
    }
    if (path === '/api/v2/users/show_many.json') {
      const ids = (url.searchParams.get('ids') ?? '').split(',').filter(Boolean).map(Number);
      const everyone = new Map([...tickets.values()].flatMap((t) => zendeskUsers(t)).map((user) => [user.id, user]));
      return { status: 200, json: { users: ids.filter((id) => !config.unknownUsers.includes(id)).flatMap((id) => everyone.get(id) ?? []), next_page: null, previous_page: null } };
    }
    match = path.match(/^\/api\/v2\/tickets\/(\d+)\/metric_events\.json$/);
    if (match) {
      const ticket = tickets.get(Number(match[1]));
      if (!ticket) return { status: 404, json: { error: 'RecordNotFound', description: 'Not found' } };
      return { status: 200, json: zendeskMetricEvents(ticket, clock, config) };
    }
    match = path.match(/^\/api\/v2\/tickets\/(\d+)\.json$/);
    if (match) {
      const ticket = tickets.get(Number(match[1]));
      if (!ticket) return { status: 404, json: { error: 'RecordNotFound', description: 'Not found' } };
      if (req.method === 'PUT') {
        if (req.headers['x-csrf-token'] !== CSRF_TOKEN) return { status: 403, json: { error: 'InvalidToken' } };
        const comment = (JSON.parse(body || '{}') as { ticket?: { comment?: { body?: string; public?: boolean } } }).ticket?.comment;
        if (!comment?.body) return { status: 422, json: { error: 'RecordInvalid', details: { comment: [{ description: 'body: cannot be blank' }] } } };
        ticket.events.push({ atMin: nowMin(), type: comment.public === false ? 'internalNote' : 'agentReply', body: comment.body });
        notesWritten.push({ system: 'zendesk', id: String(ticket.id), body: comment.body, internal: comment.public === false });
        return { status: 200, json: { ticket: zendeskTicket(ticket, clock, url.origin) } };
      }
      const include = (url.searchParams.get('include') ?? '').split(',');
      const slas = include.includes('slas') && config.zendeskSlaSideload ? { slas: config.zendeskSlaPlan ? zendeskSlas(ticket, clock) : { policy_metrics: [] } } : {};
      const json: Record<string, unknown> = { ticket: { ...zendeskTicket(ticket, clock, url.origin), ...slas } };
      if (include.includes('users')) json.users = zendeskUsers(ticket);
      if (include.includes('organizations')) json.organizations = [zendeskOrganization(ticket, url.origin)];
      return { status: 200, json };
    }
    match = path.match(/^\/api\/v2\/tickets\/(\d+)\/audits\.json$/);
    if (match) {
      const ticket = tickets.get(Number(match[1]));
      if (!ticket) return { status: 404, json: { error: 'RecordNotFound', description: 'Not found' } };
      const perPage = Math.min(100, Number(url.searchParams.get('per_page') ?? config.auditsPerPage) || config.auditsPerPage);
      const page = Math.max(1, Number(url.searchParams.get('page') ?? 1) || 1);
      const audits = zendeskAudits(ticket, clock);
      const slice = audits.slice((page - 1) * perPage, page * perPage);
      const next = page * perPage < audits.length ? `${url.origin}${path}?page=${page + 1}&per_page=${perPage}${url.searchParams.has('include') ? `&include=${url.searchParams.get('include')}` : ''}` : null;
      const users = zendeskUsers(ticket).filter((user) => !config.usersLeftOutOfAudits.includes(user.id));
      return { status: 200, json: { audits: slice, users: url.searchParams.get('include')?.includes('users') ? users : undefined, next_page: next, previous_page: page > 1 ? `${url.origin}${path}?page=${page - 1}` : null, count: audits.length } };
    }
    return null;
  };

  const jira: Handler = (req, url, body) => {
    const path = url.pathname;
    const dataCenter = !url.hostname.endsWith('.atlassian.net');
    if (path.startsWith('/browse/') || path.startsWith('/jira/')) return { status: 200, text: shell('jira-app.js', 'Jira', config.jiraLanguage), type: 'text/html' };
    if (path === '/__sim/page-data/queue') return { status: 200, json: { rows: samples().map((t) => ({ key: jiraKeyOf(t), summary: t.subject, ...jiraView(t) })) } };
    let match = path.match(/^\/__sim\/page-data\/issues\/([A-Z0-9_]+-\d+)$/);
    if (match) {
      const ticket = byKey(match[1] ?? '');
      if (!ticket) return { status: 404, json: {} };
      const comments = jiraComments(ticket, clock, url.origin, 2).map((c) => ({ author: c.author.displayName, public: c.jsdPublic, body: c.body as string }));
      return { status: 200, json: { key: jiraKeyOf(ticket), summary: ticket.subject, ...jiraView(ticket), created: clock.at(ticket.createdMin).toISOString(), comments } };
    }
    match = path.match(/^\/rest\/api\/(2|3)\/issue\/([A-Z0-9_]+-\d+)\/changelog$/);
    if (match) {
      const ticket = byKey(match[2] ?? '');
      if (!ticket) return { status: 404, json: { errorMessages: ['Issue does not exist or you do not have permission to see it.'], errors: {} } };
      const { histories } = jiraIssue(ticket, clock, url.origin, Number(match[1]) as 2 | 3, config.commentsPerPage).changelog;
      const startAt = Number(url.searchParams.get('startAt') ?? 0) || 0;
      const maxResults = Math.min(100, Number(url.searchParams.get('maxResults') ?? 100) || 100);
      return { status: 200, json: changelogPage(histories, startAt, maxResults) };
    }
    match = path.match(/^\/rest\/api\/(2|3)\/issue\/([A-Z0-9_]+-\d+)(\/comment)?$/);
    if (match) {
      const version = Number(match[1]) as 2 | 3;
      const ticket = byKey(match[2] ?? '');
      if (!ticket) return { status: 404, json: { errorMessages: ['Issue does not exist or you do not have permission to see it.'], errors: {} } };
      if (match[3] && req.method === 'POST') {
        if (req.headers['x-atlassian-token'] !== 'no-check') return { status: 403, json: { errorMessages: ['XSRF check failed'] } };
        const parsed = JSON.parse(body || '{}') as { body?: unknown; properties?: Array<{ key: string; value: { internal?: boolean } }> };
        const text = typeof parsed.body === 'string' ? parsed.body : adfText(parsed.body);
        const internal = parsed.properties?.some((p) => p.key === 'sd.public.comment' && p.value.internal) ?? false;
        ticket.events.push({ atMin: nowMin(), type: internal ? 'internalNote' : 'agentReply', body: text });
        notesWritten.push({ system: 'jira', id: jiraKeyOf(ticket), body: text, internal });
        return { status: 201, json: { id: '1', body: parsed.body, created: new Date().toISOString(), jsdPublic: !internal, author: JIRA_AGENT } };
      }
      if (match[3]) {
        const all = jiraComments(ticket, clock, url.origin, version);
        const startAt = Number(url.searchParams.get('startAt') ?? 0) || 0;
        const maxResults = Number(url.searchParams.get('maxResults') ?? config.commentsPerPage) || config.commentsPerPage;
        return { status: 200, json: { startAt, maxResults, total: all.length, comments: all.slice(startAt, startAt + maxResults) } };
      }
      if (dataCenter && version === 3) return { status: 404, json: { errorMessages: ['null for uri'], errors: {} } };
      return { status: 200, json: realIssue(jiraIssue(ticket, clock, url.origin, version, config.commentsPerPage), ticket, url, config.jiraIssueChangelogCap) };
    }
    if (path === '/rest/api/3/search/jql' || path === '/rest/api/2/search') {
      const jql = url.searchParams.get('jql') ?? '';
      const keys = jql.match(/key\s+in\s*\(([^)]*)\)/i)?.[1]?.split(',').map((k) => k.trim().replace(/"/g, ''));
      const all = keys ? keys.map(byKey).filter((t): t is SimTicket => Boolean(t)) : samples();
      const version = path.includes('/3/') ? 3 : 2;
      const pageSize = Math.min(100, Number(url.searchParams.get('maxResults') ?? 50) || 50);
      const start = version === 3 ? Number(url.searchParams.get('nextPageToken') ?? 0) || 0 : Number(url.searchParams.get('startAt') ?? 0) || 0;
      const issues = all.slice(start, start + pageSize).map((t) => {
        const issue = realIssue(jiraIssue(t, clock, url.origin, version, config.commentsPerPage), t, url, config.jiraSearchChangelogCap);
        const withChangelog = (url.searchParams.get('expand') ?? '').split(',').includes('changelog');
        return { id: issue.id, key: issue.key, self: issue.self, fields: issue.fields, ...(withChangelog ? { changelog: issue.changelog } : {}) };
      });
      const more = start + pageSize < all.length;
      // expand=names puts the field names on the page, not on each issue.
      const names = (url.searchParams.get('expand') ?? '').split(',').includes('names') ? { names: jiraFieldNames } : {};
      return version === 3
        ? { status: 200, json: { issues, ...names, isLast: !more, ...(more ? { nextPageToken: String(start + pageSize) } : {}) } }
        : { status: 200, json: { startAt: start, maxResults: pageSize, total: all.length, issues, ...names } };
    }
    match = path.match(/^\/rest\/servicedeskapi\/request\/([A-Z0-9_]+-\d+)\/sla$/);
    if (match) {
      const ticket = byKey(match[1] ?? '');
      if (!ticket) return { status: 404, json: { errorMessage: 'Request not found' } };
      return { status: 200, json: config.jsmCyclesWithoutBreached ? withoutBreached(jiraSla(ticket, clock)) : jiraSla(ticket, clock) };
    }
    match = path.match(/^\/rest\/servicedeskapi\/request\/([A-Z0-9_]+-\d+)\/comment$/);
    if (match && req.method === 'POST') {
      const ticket = byKey(match[1] ?? '');
      if (!ticket) return { status: 404, json: { errorMessage: 'Request not found' } };
      const parsed = JSON.parse(body || '{}') as { body?: string; public?: boolean };
      ticket.events.push({ atMin: nowMin(), type: parsed.public === false ? 'internalNote' : 'agentReply', body: parsed.body ?? '' });
      notesWritten.push({ system: 'jira', id: jiraKeyOf(ticket), body: parsed.body ?? '', internal: parsed.public === false });
      return { status: 201, json: { id: '2', body: parsed.body, public: parsed.public } };
    }
    if (path === '/rest/api/3/myself' || path === '/rest/api/2/myself') return { status: 200, json: { ...JIRA_AGENT, emailAddress: 'ada@acme.example' } };
    if (path === '/rest/api/3/field' || path === '/rest/api/2/field') {
      return { status: 200, json: [{ id: 'priority', name: 'Priority', custom: false }, { id: 'customfield_10050', name: 'Severity', custom: true }] };
    }
    return null;
  };

  const control: Handler = (_req, url, body) => {
    const input = body ? (JSON.parse(body) as Record<string, unknown>) : {};
    switch (url.pathname) {
      case '/__sim/control/advance':
        clock.advance(Number(input.minutes ?? 0));
        return { status: 200, json: { ok: true } };
      case '/__sim/control/fault':
        faults.add(input as unknown as Fault);
        return { status: 200, json: { ok: true } };
      case '/__sim/control/clear-faults':
        faults.clear();
        return { status: 200, json: { ok: true } };
      case '/__sim/control/config':
        Object.assign(config, input);
        return { status: 200, json: config };
      case '/__sim/control/ticket': {
        const ticket = input as unknown as SimTicket;
        tickets.set(ticket.id, ticket);
        return { status: 200, json: { ok: true, key: jiraKeyOf(ticket) } };
      }
      case '/__sim/control/state':
        return { status: 200, json: { requests: requests.slice(-500), notesWritten } };
      default:
        return null;
    }
  };

  const server: Server = createServer(
    { key: readFileSync(here('./tls/key.pem')), cert: readFileSync(here('./tls/cert.pem')) },
    (req: IncomingMessage, res: ServerResponse) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => void respond(req, res, body));
    },
  );

  async function respond(req: IncomingMessage, res: ServerResponse, body: string) {
    const host = (req.headers.host ?? 'localhost').replace(/:\d+$/, '');
    const url = new URL(req.url ?? '/', `https://${host}`);
    try {
      if (url.pathname === '/__sim/zendesk-app.js' || url.pathname === '/__sim/jira-app.js' || url.pathname === '/__sim/app.css') {
        const file = readFileSync(here(`./public${url.pathname.replace('/__sim', '')}`), 'utf8');
        return send(res, { status: 200, text: file, type: url.pathname.endsWith('.css') ? 'text/css' : 'text/javascript' });
      }
      if (url.pathname.startsWith('/__sim/control/')) return send(res, control(req, url, body) ?? { status: 404, json: { error: 'unknown control' } });
      const isApi = url.pathname.startsWith('/api/') || url.pathname.startsWith('/rest/');
      if (isApi) {
        requests.push({ method: req.method ?? 'GET', host, path: url.pathname + url.search, at: Date.now() });
        const fault = faults.take(url.pathname + url.search);
        if (fault?.delayMs) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
        if (fault && fault.status !== 200) {
          return send(res, { status: fault.status, json: { error: `simulated ${fault.status}` }, headers: fault.retryAfter !== undefined ? { 'Retry-After': String(fault.retryAfter) } : {} });
        }
      }
      const handler = host.endsWith('.zendesk.com') ? zendesk : host.includes('jira') || host.endsWith('.atlassian.net') ? jira : zendesk;
      const result = handler(req, url, body);
      send(res, result ?? { status: 404, json: { error: 'Not found', path: url.pathname } });
    } catch (error) {
      send(res, { status: 500, json: { error: String(error) } });
    }
  }

  function send(res: ServerResponse, result: NonNullable<ReturnType<Handler>>) {
    const headers: Record<string, string> = { 'Cache-Control': 'no-store', ...result.headers };
    if (result.json !== undefined) {
      headers['Content-Type'] = 'application/json; charset=utf-8';
      headers['X-Rate-Limit'] = '700';
      headers['X-Rate-Limit-Remaining'] = '699';
      res.writeHead(result.status, headers).end(JSON.stringify(result.json));
    } else {
      res.writeHead(result.status, { ...headers, 'Content-Type': `${result.type ?? 'text/plain'}; charset=utf-8` }).end(result.text ?? '');
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  return {
    port,
    clock,
    tickets,
    requests,
    notesWritten,
    config,
    addFault: (fault) => faults.add(fault),
    clearFaults: () => faults.clear(),
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

/** An issue body with JSM's Organizations field, `names` when expanded, and its changelog capped as a search caps it. */
function realIssue<T extends { fields: Record<string, unknown>; changelog: { histories: unknown[] } }>(issue: T, ticket: SimTicket, url: URL, cap: number | null) {
  const expand = (url.searchParams.get('expand') ?? '').split(',');
  return {
    ...issue,
    fields: { ...issue.fields, [JSM_ORGANIZATIONS_FIELD]: jsmOrganizations(ticket, url.origin) },
    ...(expand.includes('names') ? { names: jiraFieldNames } : {}),
    changelog: cappedChangelog(issue.changelog, cap),
  };
}

function jiraView(ticket: SimTicket) {
  const state = currentState(ticket);
  const priority = state.priority ? { urgent: 'Highest', high: 'High', normal: 'Medium', low: 'Low' }[state.priority] : null;
  const status = { new: 'Open', open: 'In Progress', hold: 'In Progress', pending: 'Waiting for customer', solved: 'Resolved', closed: 'Closed' }[state.status];
  return { priority, status, labels: jiraLabels(state.tags) };
}

function adfText(node: unknown): string {
  if (!node || typeof node !== 'object') return '';
  const { text, content } = node as { text?: unknown; content?: unknown };
  const own = typeof text === 'string' ? text : '';
  return own + (Array.isArray(content) ? content.map(adfText).join(content.length > 1 ? '\n' : '') : '');
}

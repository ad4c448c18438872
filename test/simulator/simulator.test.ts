import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simRequest } from './client';
import { startHelpdeskSimulator, type HelpdeskSimulator } from './server';

let sim: HelpdeskSimulator;
const zd = (path: string, init?: Parameters<typeof simRequest>[3]) => simRequest(sim.port, 'acme.zendesk.com', path, init);
const jira = (path: string, init?: Parameters<typeof simRequest>[3]) => simRequest(sim.port, 'acme.atlassian.net', path, init);

beforeAll(async () => {
  sim = await startHelpdeskSimulator({ anchorMs: Date.parse('2026-07-14T12:00:00Z') });
});
afterAll(() => sim.close());

describe('helpdesk simulator: Zendesk', () => {
  it('serves a ticket shaped like GET /api/v2/tickets/{id}.json with sideloaded users and SLAs', async () => {
    const res = await zd('/api/v2/tickets/35436.json?include=users,slas');
    expect(res.status).toBe(200);
    const { ticket, users } = res.json<{ ticket: Record<string, unknown>; users: Array<{ role: string }> }>();
    expect(ticket).toMatchObject({ id: 35436, priority: 'urgent', status: 'open', created_at: '2026-07-14T09:50:00Z', tags: ['office_hq'] });
    expect((ticket.slas as { policy_metrics: unknown[] }).policy_metrics).toHaveLength(1);
    expect(users.map((u) => u.role).sort()).toEqual(['admin', 'agent', 'end-user']);
  });

  it('pages audits with next_page and starts with the Create events', async () => {
    const first = (await zd('/api/v2/tickets/35437.json'.replace('.json', '/audits.json') + '?per_page=2&include=users')).json<{ audits: Array<{ events: Array<{ type: string }> }>; next_page: string | null }>();
    expect(first.audits).toHaveLength(2);
    expect(first.audits[0]?.events.map((e) => e.type)).toContain('Create');
    expect(first.next_page).toMatch(/page=2/);
    const second = (await zd(new URL(first.next_page ?? '').pathname + new URL(first.next_page ?? '').search)).json<{ audits: unknown[]; next_page: string | null }>();
    expect(second.audits).toHaveLength(2);
    expect(second.next_page).toBeNull();
  });

  it('answers show_many for at most 100 ids', async () => {
    const ok = await zd('/api/v2/tickets/show_many.json?ids=35436,35437,99999');
    expect(ok.json<{ tickets: unknown[] }>().tickets).toHaveLength(2);
    const ids = Array.from({ length: 101 }, (_, i) => 50000 + i).join(',');
    expect((await zd(`/api/v2/tickets/show_many.json?ids=${ids}`)).status).toBe(400);
  });

  it('writes an internal note only with the CSRF token', async () => {
    const body = { ticket: { comment: { body: '[Escalation Watch] note', public: false } } };
    expect((await zd('/api/v2/tickets/35440.json', { method: 'PUT', body })).status).toBe(403);
    const token = (await zd('/api/v2/users/me.json')).json<{ user: { authenticity_token: string } }>().user.authenticity_token;
    expect((await zd('/api/v2/tickets/35440.json', { method: 'PUT', body, headers: { 'X-CSRF-Token': token } })).status).toBe(200);
    expect(sim.notesWritten.at(-1)).toMatchObject({ system: 'zendesk', id: '35440', internal: true });
  });

  it('fails on demand: 429 with Retry-After, then recovers', async () => {
    sim.addFault({ pathIncludes: '/tickets/35438.json', status: 429, times: 1, retryAfter: 7 });
    const limited = await zd('/api/v2/tickets/35438.json');
    expect(limited.status).toBe(429);
    expect(limited.headers['retry-after']).toBe('7');
    expect((await zd('/api/v2/tickets/35438.json')).status).toBe(200);
  });

  it('advancing the clock makes every ticket older', async () => {
    const before = (await zd('/api/v2/tickets/35436.json')).json<{ ticket: { created_at: string } }>().ticket.created_at;
    sim.clock.advance(10);
    const after = (await zd('/api/v2/tickets/35436.json')).json<{ ticket: { created_at: string } }>().ticket.created_at;
    expect(Date.parse(before) - Date.parse(after)).toBe(10 * 60_000);
    sim.clock.advance(-10);
  });

  it('serves the agent page shell for ticket and view routes', async () => {
    const page = await zd('/agent/tickets/35436');
    expect(page.status).toBe(200);
    expect(page.body).toContain('zendesk-app.js');
  });
});

describe('helpdesk simulator: Jira', () => {
  it('serves the issue view in the Jira language asked for, the Zendesk pages keeping theirs (issue 13)', async () => {
    try {
      Object.assign(sim.config, { jiraLanguage: 'ja', zendeskLanguage: 'de' });
      expect((await jira('/browse/SUP-5436')).body).toMatch(/<html lang="ja"/);
      expect((await zd('/agent/tickets/35436')).body).toMatch(/<html lang="de"/);
    } finally {
      Object.assign(sim.config, { jiraLanguage: 'en', zendeskLanguage: 'en' });
    }
  });

  it("answers the page read's light request for the issue's own fields", async () => {
    const res = await jira('/rest/api/3/issue/SUP-5436?fields=summary,created,status,priority,labels');
    expect(res.status).toBe(200);
    const { fields } = res.json<{ fields: { created: string; status: { statusCategory: { key: string } } } }>();
    expect(fields.created).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(['new', 'indeterminate', 'done']).toContain(fields.status.statusCategory.key);
  });

  it('serves an issue shaped like GET /rest/api/3/issue/{key}?expand=changelog with ADF comments', async () => {
    const res = await jira('/rest/api/3/issue/SUP-5442?expand=changelog');
    const issue = res.json<{ key: string; fields: { priority: { name: string }; created: string; comment: { comments: Array<{ body: { type: string }; jsdPublic: boolean }> } }; changelog: { histories: Array<{ items: Array<{ field: string; fromString: string; toString: string }> }> } }>();
    expect(issue.key).toBe('SUP-5442');
    expect(issue.fields.priority.name).toBe('Highest');
    expect(issue.fields.created).toMatch(/\.000\+0000$/);
    expect(issue.fields.comment.comments[0]?.body.type).toBe('doc');
    expect(issue.changelog.histories.flatMap((h) => h.items)).toContainEqual(expect.objectContaining({ field: 'priority', fromString: 'Medium', toString: 'Highest' }));
  });

  it('serves v2 plain-text bodies on a Data Center host and refuses v3 there', async () => {
    const dc = (path: string) => simRequest(sim.port, 'jira.acme-corp.test', path);
    const issue = (await dc('/rest/api/2/issue/SUP-5437?expand=changelog')).json<{ fields: { comment: { comments: Array<{ body: unknown; author: { name: string } }> } } }>();
    expect(typeof issue.fields.comment.comments[0]?.body).toBe('string');
    expect((await dc('/rest/api/3/issue/SUP-5437')).status).toBe(404);
  });

  it('pages search results with nextPageToken and serves the JSM SLA', async () => {
    const page = (await jira('/rest/api/3/search/jql?jql=project%20%3D%20SUP&maxResults=4')).json<{ issues: unknown[]; nextPageToken?: string; isLast: boolean }>();
    expect(page.issues).toHaveLength(4);
    expect(page.isLast).toBe(false);
    const sla = (await jira('/rest/servicedeskapi/request/SUP-5436/sla')).json<{ values: Array<{ ongoingCycle: { breachTime: { epochMillis: number } } }> }>();
    expect(sla.values[0]?.ongoingCycle.breachTime.epochMillis).toBeGreaterThan(0);
  });
});

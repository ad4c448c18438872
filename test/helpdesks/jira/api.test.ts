import { describe, expect, it } from 'vitest';
import { HelpdeskError } from '../../../lib/helpdesks/contract';
import { fetchJiraTicket, fetchManyJiraTickets, writeJiraComment } from '../../../lib/helpdesks/jira/api';
import { ticketFromJira } from '../../../lib/helpdesks/jira/map';
import { jiraMappingDefaults, type JiraMapping } from '../../../lib/helpdesks/jira/mapping';
import { at, severityField, sup7 } from './expected-tickets';
import { fakeJira, jsonReply, type Route } from './fake-jira';
import { changed, jiraJson } from './fixtures';

const CLOUD = 'https://acme.atlassian.net';
const DC = 'https://jira.corp.example/jira';

const complete = jiraJson('cloud-ops-42.complete.json');

/** OPS-42 as Cloud serves it: first pages in the issue, the rest behind the paged resources. */
const ops42Routes = (sla: () => Response = jsonReply(jiraJson('cloud-ops-42.sla.json'))): Route[] => [
  { path: '/rest/api/3/issue/OPS-42', query: { expand: 'changelog,names' }, reply: jsonReply(jiraJson('cloud-ops-42.issue.json')) },
  { path: '/rest/api/3/issue/OPS-42/comment', query: { startAt: '5' }, reply: jsonReply(jiraJson('cloud-ops-42.comments-startAt-5.json')) },
  { path: '/rest/api/3/issue/OPS-42/changelog', query: { startAt: '0' }, reply: jsonReply(jiraJson('cloud-ops-42.changelog-startAt-0.json')) },
  { path: '/rest/api/3/issue/OPS-42/changelog', query: { startAt: '4' }, reply: jsonReply(jiraJson('cloud-ops-42.changelog-startAt-4.json')) },
  { path: '/rest/servicedeskapi/request/OPS-42/sla', reply: sla },
];

async function failure(promise: Promise<unknown>): Promise<HelpdeskError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof HelpdeskError) return error;
    throw error;
  }
  throw new Error('expected a HelpdeskError, the call succeeded');
}

describe('fetchTicket on Cloud (REST v3)', () => {
  it('pages comments and the changelog and maps the whole issue', async () => {
    const { io, requests } = fakeJira(CLOUD, ops42Routes());
    const fetched = await fetchJiraTicket('OPS-42', io, jiraMappingDefaults);
    expect(fetched.ticket).toEqual(ticketFromJira({ issue: complete }));
    expect(fetched.version).toBe('2026-07-14T15:40:12.345+0000');
    expect(fetched.serviceProject).toBe(true);
    expect(requests.map((r) => `${r.url.pathname} ${r.url.searchParams.get('startAt') ?? ''}`).sort()).toEqual([
      '/rest/api/3/issue/OPS-42 ',
      '/rest/api/3/issue/OPS-42/changelog 0',
      '/rest/api/3/issue/OPS-42/changelog 4',
      '/rest/api/3/issue/OPS-42/comment 5',
      '/rest/servicedeskapi/request/OPS-42/sla ',
    ]);
  });

  it('asks for the changelog, the field names and only the fields the mapper reads', async () => {
    const { io, requests } = fakeJira(CLOUD, ops42Routes());
    await fetchJiraTicket('OPS-42', io, jiraMappingDefaults);
    const issueRequest = requests.find((r) => r.url.pathname === '/rest/api/3/issue/OPS-42');
    expect(issueRequest?.url.searchParams.get('fields')?.split(',')).toEqual(
      expect.arrayContaining(['summary', 'created', 'updated', 'priority', 'status', 'labels', 'reporter', 'comment']),
    );
    expect(issueRequest?.headers.get('accept')).toBe('application/json');
  });

  it("reports the service desk's own SLAs: the running cycle, else the last completed one", async () => {
    const { io } = fakeJira(CLOUD, ops42Routes());
    const { nativeSla } = await fetchJiraTicket('OPS-42', io, jiraMappingDefaults);
    expect(nativeSla).toEqual([
      { name: 'Time to first response', breachAt: at('2026-07-14T10:30:00Z'), paused: false, breached: false },
      { name: 'Time to resolution', breachAt: at('2026-07-14T17:30:00Z'), paused: false, breached: false },
    ]);
  });

  it.each([
    ['404: the project has no SLAs', 404],
    ['403: the agent has no service desk licence', 403],
  ])('SLA %s → no native SLA, not an error', async (_rule, status) => {
    const { io } = fakeJira(CLOUD, ops42Routes(jsonReply({ errorMessage: 'nope' }, status)));
    const fetched = await fetchJiraTicket('OPS-42', io, jiraMappingDefaults);
    expect(fetched.nativeSla).toEqual([]);
    expect(fetched.ticket.id).toBe('OPS-42');
  });

  it('an SLA endpoint that keeps failing with 5xx is a gap said in the explanation, not a failed issue', async () => {
    const { io } = fakeJira(CLOUD, ops42Routes(jsonReply({}, 503)));
    const fetched = await fetchJiraTicket('OPS-42', io, jiraMappingDefaults);
    expect(fetched.ticket.id).toBe('OPS-42');
    expect(fetched.nativeSla).toEqual([]);
    expect(fetched.ticket.gaps).toEqual([expect.stringMatching(/own SLA could not be read .*\/rest\/servicedeskapi\/request\/OPS-42\/sla/)]);
    expect(fetched.ticket.history).toEqual(ticketFromJira({ issue: complete }).history);
  });

  it('a signed-out session on the SLA endpoint still fails the read (the agent must sign in)', async () => {
    const { io } = fakeJira(CLOUD, ops42Routes(jsonReply({}, 401)));
    expect((await failure(fetchJiraTicket('OPS-42', io, jiraMappingDefaults))).kind).toBe('unauthorized');
  });

  it.each([
    [401, 'unauthorized'],
    [403, 'forbidden'],
    [404, 'notFound'],
  ] as const)('HTTP %i on the issue is a %s error', async (status, kind) => {
    const { io } = fakeJira(CLOUD, [{ path: '/rest/api/3/issue/OPS-42', reply: jsonReply({ errorMessages: ['x'] }, status) }]);
    expect((await failure(fetchJiraTicket('OPS-42', io, jiraMappingDefaults))).kind).toBe(kind);
  });

  it('a body missing a field is a malformed error naming it', async () => {
    const body = changed(jiraJson('cloud-ops-42.issue.json'), { 'fields.created': '14/Jul/26' });
    // The page reads every page without judging the fields; the background's parse names the bad one.
    const { io } = fakeJira(CLOUD, [
      { path: '/rest/api/3/issue/OPS-42', reply: jsonReply(body) },
      ...ops42Routes().filter((r) => r.path !== '/rest/api/3/issue/OPS-42'),
    ]);
    const error = await failure(fetchJiraTicket('OPS-42', io, jiraMappingDefaults));
    expect(error.kind).toBe('malformed');
    expect(error.message).toMatch(/fields\.created/);
  });

  it('refuses an id that is no issue key before any request', async () => {
    const { io, requests } = fakeJira(CLOUD, []);
    expect((await failure(fetchJiraTicket('OPS-42) OR (1=1', io, jiraMappingDefaults))).kind).toBe('malformed');
    expect(requests).toEqual([]);
  });
});

describe('fetchTicket on Data Center (REST v2)', () => {
  const dcRoutes: Route[] = [{ path: '/jira/rest/api/2/issue/SUP-7', reply: jsonReply(jiraJson('dc-sup-7.issue.json')) }];

  it('uses v2 under the context path and skips SLAs outside service projects', async () => {
    const { io, requests } = fakeJira(DC, dcRoutes);
    const fetched = await fetchJiraTicket('SUP-7', io, severityField);
    expect(fetched.ticket).toEqual(sup7);
    expect(fetched.version).toBe('2026-07-15T12:30:00.000+0800');
    expect(fetched.nativeSla).toEqual([]);
    expect(requests.map((r) => r.url.pathname)).toEqual(['/jira/rest/api/2/issue/SUP-7']);
  });

  it('asks for all navigable fields when the severity field is given by name', async () => {
    const { io, requests } = fakeJira(DC, dcRoutes);
    await fetchJiraTicket('SUP-7', io, severityField);
    expect(requests[0]?.url.searchParams.get('fields')).toContain('*navigable');
    expect(requests[0]?.url.searchParams.get('expand')).toBe('changelog,names');
  });

  it('asks for the custom field given by id, and the navigable fields where JSM "Organizations" lives', async () => {
    const byId: JiraMapping = { ...severityField, severity: { source: 'field', field: 'customfield_10400', values: {}, numbered: true } };
    const { io, requests } = fakeJira(DC, dcRoutes);
    expect((await fetchJiraTicket('SUP-7', io, byId)).ticket).toEqual(sup7);
    expect(requests[0]?.url.searchParams.get('fields')?.split(',')).toContain('customfield_10400');
    expect(requests[0]?.url.searchParams.get('fields')?.split(',')).toEqual(expect.arrayContaining(['assignee', '*navigable']));
  });

  it('the mapping can force v3 on a company domain', async () => {
    const { io, requests } = fakeJira('https://jira.corp.example', [
      { path: '/rest/api/3/issue/SUP-7', reply: jsonReply(jiraJson('dc-sup-7.issue.json')) },
    ]);
    await fetchJiraTicket('SUP-7', io, { ...severityField, apiVersion: 3 });
    expect(requests[0]?.url.pathname).toBe('/rest/api/3/issue/SUP-7');
  });

  it('re-reads comments with their properties on a Data Center service desk, to find internal ones', async () => {
    const body = changed(jiraJson('dc-sup-7.issue.json'), { 'fields.project.projectTypeKey': 'service_desk' });
    const comments = (body.fields as { comment: { comments: Array<Record<string, unknown>> } }).comment.comments;
    const withProperties = comments.map((c, i) =>
      i === 1 ? { ...c, properties: [{ key: 'sd.public.comment', value: { internal: true } }] } : c,
    );
    const { io, requests } = fakeJira(DC, [
      { path: '/jira/rest/api/2/issue/SUP-7', reply: jsonReply(body) },
      {
        path: '/jira/rest/api/2/issue/SUP-7/comment',
        query: { startAt: '0', expand: 'properties' },
        reply: jsonReply({ comments: withProperties, startAt: 0, maxResults: 100, total: withProperties.length }),
      },
      { path: '/jira/rest/servicedeskapi/request/SUP-7/sla', reply: jsonReply({ errorMessage: 'not a request' }, 404) },
    ]);
    const { ticket } = await fetchJiraTicket('SUP-7', io, severityField);
    expect(ticket.history).not.toContainEqual({ at: at('2026-07-13T03:00:00Z'), kind: 'publicReply' });
    expect(requests.map((r) => r.url.pathname)).toContain('/jira/rest/api/2/issue/SUP-7/comment');
  });
});

/** Search results are issue bodies too; these are OPS-42 under other keys. */
function issueAs(key: string, updated: string): Record<string, unknown> {
  return changed(complete, { key, 'fields.updated': updated, 'fields.summary': `Issue ${key}` });
}

describe('fetchMany', () => {
  it('Cloud: one search/jql per 50 keys, following nextPageToken, results in the order asked', async () => {
    const keys = Array.from({ length: 52 }, (_, i) => `OPS-${100 + i}`);
    const { io, requests } = fakeJira(CLOUD, [
      {
        path: '/rest/api/3/search/jql',
        query: { nextPageToken: 'page-2' },
        reply: jsonReply({ issues: [issueAs('OPS-149', 'v149')], isLast: true }),
      },
      {
        path: '/rest/api/3/search/jql',
        query: { jql: `key in (${keys.slice(0, 50).join(',')}) ORDER BY key ASC` },
        reply: jsonReply({ issues: [issueAs('OPS-101', 'v101'), issueAs('OPS-100', 'v100')], nextPageToken: 'page-2', isLast: false }),
      },
      {
        path: '/rest/api/3/search/jql',
        query: { jql: `key in (${keys.slice(50).join(',')}) ORDER BY key ASC` },
        reply: jsonReply({ issues: [issueAs('OPS-151', 'v151')], isLast: true }),
      },
    ]);
    const fetched = await fetchManyJiraTickets(keys, io, jiraMappingDefaults);
    expect(fetched.map((f) => [f.ticket.id, f.version])).toEqual([
      ['OPS-100', 'v100'],
      ['OPS-101', 'v101'],
      ['OPS-149', 'v149'],
      ['OPS-151', 'v151'],
    ]);
    expect(requests).toHaveLength(3);
    expect(requests[0]?.url.searchParams.get('expand')).toBe('changelog,names');
    expect(fetched[0]?.ticket.history).toEqual(ticketFromJira({ issue: complete }).history);
  });

  it('completes a search result whose comments were cut off', async () => {
    const partial = changed(jiraJson('cloud-ops-42.issue.json'), {});
    const { io } = fakeJira(CLOUD, [
      { path: '/rest/api/3/search/jql', reply: jsonReply({ issues: [partial], isLast: true }) },
      ...ops42Routes().filter((r) => r.path !== '/rest/api/3/issue/OPS-42' && !r.path.includes('servicedeskapi')),
    ]);
    const [fetched] = await fetchManyJiraTickets(['OPS-42'], io, jiraMappingDefaults);
    expect(fetched?.ticket).toEqual(ticketFromJira({ issue: complete }));
    expect(fetched?.nativeSla).toEqual([]);
  });

  it('reads the issue itself when a search result comes without its changelog (expand ignored)', async () => {
    const { changelog: _dropped, ...withoutChangelog } = changed(complete, {});
    const { io, requests } = fakeJira(CLOUD, [
      { path: '/rest/api/3/search/jql', reply: jsonReply({ issues: [withoutChangelog], isLast: true }) },
      ...ops42Routes().filter((r) => !r.path.includes('servicedeskapi')),
    ]);
    const [fetched] = await fetchManyJiraTickets(['OPS-42'], io, jiraMappingDefaults);
    expect(fetched?.ticket).toEqual(ticketFromJira({ issue: complete }));
    expect(requests.some((r) => r.url.pathname === '/rest/api/3/issue/OPS-42' && r.url.searchParams.get('expand') === 'changelog,names')).toBe(true);
  });

  it('gives the page-level field names to each issue (custom field by name)', async () => {
    const dcIssue = jiraJson('dc-sup-7.issue.json');
    const { names, ...withoutNames } = dcIssue;
    const { io } = fakeJira(DC, [
      {
        path: '/jira/rest/api/2/search',
        query: { startAt: '0', validateQuery: 'warn' },
        reply: jsonReply({ startAt: 0, maxResults: 50, total: 1, issues: [withoutNames], names }),
      },
    ]);
    const [fetched] = await fetchManyJiraTickets(['SUP-7'], io, severityField);
    expect(fetched?.ticket).toEqual(sup7);
  });

  it('Data Center: /rest/api/2/search paged by startAt', async () => {
    const dcIssue = jiraJson('dc-sup-7.issue.json');
    const dcAs = (key: string) => changed(dcIssue, { key });
    const { io, requests } = fakeJira(DC, [
      {
        path: '/jira/rest/api/2/search',
        query: { startAt: '0' },
        reply: jsonReply({ startAt: 0, maxResults: 2, total: 3, issues: [dcAs('SUP-7'), dcAs('SUP-8')] }),
      },
      {
        path: '/jira/rest/api/2/search',
        query: { startAt: '2' },
        reply: jsonReply({ startAt: 2, maxResults: 2, total: 3, issues: [dcAs('SUP-9')] }),
      },
    ]);
    const fetched = await fetchManyJiraTickets(['SUP-9', 'SUP-8', 'SUP-7'], io, severityField);
    expect(fetched.map((f) => f.ticket.id)).toEqual(['SUP-9', 'SUP-8', 'SUP-7']);
    expect(requests).toHaveLength(2);
  });

  it('when JQL rejects a vanished key (400), fetches one by one and leaves the missing key out', async () => {
    const { io } = fakeJira(DC, [
      { path: '/jira/rest/api/2/search', reply: jsonReply({ errorMessages: ["An issue with key 'SUP-99' does not exist"] }, 400) },
      { path: '/jira/rest/api/2/issue/SUP-7', reply: jsonReply(jiraJson('dc-sup-7.issue.json')) },
      { path: '/jira/rest/api/2/issue/SUP-99', reply: jsonReply({ errorMessages: ['Issue does not exist'] }, 404) },
    ]);
    const fetched = await fetchManyJiraTickets(['SUP-99', 'SUP-7'], io, severityField);
    expect(fetched.map((f) => f.ticket.id)).toEqual(['SUP-7']);
  });

  it('a failing search is reported', async () => {
    const { io } = fakeJira(CLOUD, [{ path: '/rest/api/3/search/jql', reply: jsonReply({}, 401) }]);
    expect((await failure(fetchManyJiraTickets(['OPS-1', 'OPS-2'], io, jiraMappingDefaults))).kind).toBe('unauthorized');
  });
});

describe('real Jira variants (issue 13)', () => {
  /** A Cloud issue with 45 histories: the first priority change, then 44 component edits. */
  function longHistoryIssue() {
    const issue = changed(complete, {});
    const changelog = issue.changelog as { histories: Array<Record<string, unknown>> };
    const filler = Array.from({ length: 38 }, (_, i) => ({
      id: String(30000 + i),
      created: `2026-07-14T15:${String(21 + i).padStart(2, '0')}:00.000+0000`,
      items: [{ field: 'Component', fieldtype: 'jira', fieldId: 'components', fromString: null, toString: `c${i}` }],
    }));
    const histories = [...changelog.histories, ...filler];
    return { issue: { ...issue, changelog: { ...changelog, startAt: 0, maxResults: histories.length, total: histories.length, histories } }, histories };
  }

  it('completes a search changelog cut at 40 histories without a total from the paged changelog resource', async () => {
    const { issue, histories } = longHistoryIssue();
    // What /search/jql sends: the newest 40 histories, no total, no maxResults.
    const capped = { ...issue, changelog: { histories: histories.slice(-40) } };
    const { io, requests } = fakeJira(CLOUD, [
      { path: '/rest/api/3/search/jql', reply: jsonReply({ issues: [capped], isLast: true }) },
      // The changelog resource, as jira.js models it: startAt, maxResults, isLast, values (total may be absent).
      { path: '/rest/api/3/issue/OPS-42/changelog', query: { startAt: '0' }, reply: jsonReply({ startAt: 0, maxResults: 100, isLast: true, values: histories }) },
    ]);
    const [fetched] = await fetchManyJiraTickets(['OPS-42'], io, jiraMappingDefaults);
    expect(fetched?.ticket.history).toEqual(ticketFromJira({ issue }).history);
    expect(fetched?.ticket.history[0]).toEqual({ at: at('2026-07-14T09:30:00Z'), kind: 'severity', to: 3 });
    expect(requests.filter((r) => r.url.pathname.endsWith('/changelog'))).toHaveLength(1);
  });

  it('judges a JSM cycle without `breached` from its times, and reads the issue', async () => {
    const sla = jiraJson('cloud-ops-42.sla.json') as { values: Array<Record<string, unknown>> };
    const strip = (cycle: unknown) => {
      if (cycle && typeof cycle === 'object') delete (cycle as Record<string, unknown>).breached;
    };
    for (const value of sla.values) {
      strip(value.ongoingCycle);
      for (const cycle of (value.completedCycles as unknown[]) ?? []) strip(cycle);
    }
    // The running "Time to resolution" breaches at 17:30; the fake Jira's clock says 16:00, so not yet.
    const { io } = fakeJira(CLOUD, ops42Routes(jsonReply(sla)));
    const fetched = await fetchJiraTicket('OPS-42', io, jiraMappingDefaults);
    expect(fetched.nativeSla).toEqual([
      { name: 'Time to first response', breachAt: at('2026-07-14T10:30:00Z'), paused: false, breached: false },
      { name: 'Time to resolution', breachAt: at('2026-07-14T17:30:00Z'), paused: false, breached: false },
    ]);
    const late = fakeJira(CLOUD, ops42Routes(jsonReply(sla)));
    const lateIo = { ...late.io, now: () => new Date('2026-07-14T18:00:00Z') };
    expect((await fetchJiraTicket('OPS-42', lateIo, jiraMappingDefaults)).nativeSla[1]?.breached).toBe(true);
  });

  it('reads an SLA body it cannot parse as a gap, not a failed issue', async () => {
    const { io } = fakeJira(CLOUD, ops42Routes(jsonReply({ values: [{ name: 42 }], isLastPage: true })));
    const fetched = await fetchJiraTicket('OPS-42', io, jiraMappingDefaults);
    expect(fetched.nativeSla).toEqual([]);
    expect(fetched.ticket.gaps).toEqual([expect.stringMatching(/own SLA could not be read/)]);
    expect(fetched.ticket.history).toEqual(ticketFromJira({ issue: complete }).history);
  });

  it('names the customer from JSM "Organizations" found through names, and the assignee by accountId', async () => {
    const { io } = fakeJira(CLOUD, ops42Routes());
    const { ticket } = await fetchJiraTicket('OPS-42', io, jiraMappingDefaults);
    expect(ticket.organization).toBe('Globex');
    expect(ticket.assignee).toBe('712020:0c1d2e3f-4a5b-6c7d-8e9f-a0b1c2d3e4f5');
  });
});

describe('writeComment', () => {
  const created = jsonReply({ id: '10200', created: '2026-07-14T16:01:00.000+0000' }, 201);
  const note = '[Escalation Watch] Notified District Sales Manager (Li Na) by phone at 2026-07-14 16:00 UTC — level 3 (role: district-sales-manager)';

  it('Cloud service desk: an internal ADF comment with the XSRF header', async () => {
    const { io, requests } = fakeJira(CLOUD, [{ method: 'POST', path: '/rest/api/3/issue/OPS-42/comment', reply: created }]);
    await expect(writeJiraComment('OPS-42', note, io, jiraMappingDefaults, { internal: true })).resolves.toEqual({ id: '10200' });
    const [request] = requests;
    expect(request?.headers.get('x-atlassian-token')).toBe('no-check');
    expect(request?.body).toEqual({
      body: { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: note }] }] },
      properties: [{ key: 'sd.public.comment', value: { internal: true } }],
    });
  });

  it('Data Center, not a service desk: a normal plain-text comment; the XSRF answer is a header, never a query string', async () => {
    const { io, requests } = fakeJira(DC, [{ method: 'POST', path: '/jira/rest/api/2/issue/SUP-7/comment', reply: created }]);
    await writeJiraComment('SUP-7', note, io, severityField, { internal: false, atlassianToken: 'abc123|lin' });
    const [request] = requests;
    expect(request?.body).toEqual({ body: note });
    expect(request?.url.search).toBe('');
    expect(request?.url.href).not.toContain('abc123');
    expect(request?.headers.get('x-atlassian-token')).toBe('no-check');
  });

  it('is never retried: a 503 is reported at once', async () => {
    const { io, requests } = fakeJira(CLOUD, [{ method: 'POST', path: '/rest/api/3/issue/OPS-42/comment', reply: jsonReply({}, 503) }]);
    expect((await failure(writeJiraComment('OPS-42', note, io, jiraMappingDefaults, { internal: true }))).kind).toBe('server');
    expect(requests).toHaveLength(1);
  });

  it('round trip: the note written is read back as a notified event (issue 8)', async () => {
    const { io, requests } = fakeJira(CLOUD, [{ method: 'POST', path: '/rest/api/3/issue/OPS-42/comment', reply: created }]);
    await writeJiraComment('OPS-42', note, io, jiraMappingDefaults, { internal: true });
    const sent = requests[0]?.body as Record<string, unknown>;
    const comments = (complete.fields as { comment: { comments: unknown[] } }).comment.comments;
    const written = {
      id: '10200',
      author: { accountId: '712020:1d2e3f4a-5b6c-7d8e-9fa0-b1c2d3e4f5a6', displayName: 'Mei Lin', accountType: 'atlassian' },
      body: sent.body,
      created: '2026-07-14T16:01:00.000+0000',
      jsdPublic: false, // what Jira reports for a comment written with sd.public.comment internal
    };
    const issue = changed(complete, {
      'fields.comment.comments': [...comments, written],
      'fields.comment.total': comments.length + 1,
      'fields.comment.maxResults': comments.length + 1,
    });
    expect(ticketFromJira({ issue }).history.at(-1)).toEqual({
      at: at('2026-07-14T16:00:00Z'),
      kind: 'notified',
      role: 'district-sales-manager',
    });
  });
});

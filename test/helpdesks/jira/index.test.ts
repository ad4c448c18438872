// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { jira, jiraInPage, jiraMappingDefaults } from '../../../lib/helpdesks/jira';
import { fakeJira, jsonReply } from './fake-jira';
import { jiraJson } from './fixtures';
import { jiraPage } from './page';

describe('jira implements the helpdesk contract', () => {
  it('names its system', () => {
    expect(jira.system).toBe('jira');
  });

  it("the page half reads REST under the site base the page declares (a Data Center context path)", async () => {
    const doc = jiraPage('dc-issue.html');
    // The issue navigator's URL does not reveal the context path; the page's meta does.
    const base = jiraInPage.restBase(doc, new URL('https://jira.corp.example/secure/IssueNavigator.jspa'));
    expect(base).toBe('https://jira.corp.example/jira');
    const { io, requests } = fakeJira(base, [
      { path: '/jira/rest/api/2/issue/SUP-7', reply: jsonReply(jiraJson('dc-sup-7.issue.json')) },
      // Who the engineer is, for "Mine" (Data Center: the user key).
      { path: '/jira/rest/api/2/myself', reply: jsonReply({ name: 'bob', key: 'JIRAUSER10001', displayName: 'Bob Chen' }) },
    ]);
    const read = await jiraInPage.fetchRawTicket('SUP-7', io, jiraMappingDefaults);
    expect(requests.map((r) => r.url.pathname).sort()).toEqual(['/jira/rest/api/2/issue/SUP-7', '/jira/rest/api/2/myself']);
    expect(read).toMatchObject({ id: 'SUP-7', version: '2026-07-15T12:30:00.000+0800', raw: { me: 'JIRAUSER10001' } });
  });

  it('page → key → REST → ticket, end to end on a Data Center issue page', async () => {
    const url = new URL('https://jira.corp.example/jira/browse/SUP-7');
    const page = jira.parsePage(url);
    expect(page).toEqual({ kind: 'ticket', ticketId: 'SUP-7' });
    const { io } = fakeJira('https://jira.corp.example/jira', [
      { path: '/jira/rest/api/2/issue/SUP-7', reply: jsonReply(jiraJson('dc-sup-7.issue.json')) },
    ]);
    const fetched = await jira.fetchTicket(page.kind === 'ticket' ? page.ticketId : '', io, jiraMappingDefaults);
    const fromPage = jira.readTicketFromPage(jiraPage('dc-issue.html'), url, jiraMappingDefaults);
    // The page and the API agree on what both can see (the page shows no assignee id or organisation).
    const { organization: _organization, assignee: _assignee, ...seenByBoth } = fetched.ticket;
    expect(fromPage).toEqual({ ...seenByBoth, history: [] });
  });
});

// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { jira, jiraMappingDefaults } from '../../../lib/helpdesks/jira';
import { fakeJira, jsonReply } from './fake-jira';
import { jiraJson } from './fixtures';
import { jiraPage } from './page';

describe('jira implements the helpdesk contract', () => {
  it('names its system', () => {
    expect(jira.system).toBe('jira');
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
    // The page and the API agree on what both can see.
    expect(fromPage).toEqual({ ...fetched.ticket, history: [] });
  });
});

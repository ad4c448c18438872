import { describe, expect, it } from 'vitest';
import { contextPathOf, issueKeyFrom, issueUrl, parsePage, siteBaseOf } from '../../../lib/helpdesks/jira/url';

describe('parsePage', () => {
  it.each([
    ['Cloud issue page', 'https://acme.atlassian.net/browse/OPS-42', { kind: 'ticket', ticketId: 'OPS-42' }],
    ['issue page with a query', 'https://acme.atlassian.net/browse/OPS-42?focusedCommentId=10101', { kind: 'ticket', ticketId: 'OPS-42' }],
    ['lower-case key in the URL', 'https://acme.atlassian.net/browse/ops-42', { kind: 'ticket', ticketId: 'OPS-42' }],
    ['key with digits and underscore', 'https://acme.atlassian.net/browse/A1_B2-7', { kind: 'ticket', ticketId: 'A1_B2-7' }],
    ['Data Center issue page on a company domain', 'https://jira.corp.example/browse/SUP-7', { kind: 'ticket', ticketId: 'SUP-7' }],
    ['Data Center issue page under a context path', 'https://jira.corp.example/jira/browse/SUP-7', { kind: 'ticket', ticketId: 'SUP-7' }],
    ['browse of a project is no ticket', 'https://acme.atlassian.net/browse/OPS', { kind: 'other' }],
    ['one-letter project is no key', 'https://acme.atlassian.net/browse/O-1', { kind: 'other' }],
    ['software board', 'https://acme.atlassian.net/jira/software/projects/OPS/boards/3', { kind: 'list' }],
    ['company-managed board', 'https://acme.atlassian.net/jira/software/c/projects/OPS/boards/3/backlog', { kind: 'list' }],
    ['board with an open issue', 'https://acme.atlassian.net/jira/software/projects/OPS/boards/3?selectedIssue=OPS-42', { kind: 'list', ticketId: 'OPS-42' }],
    ['search with an open issue', 'https://acme.atlassian.net/issues/?jql=project%3DOPS&selectedIssue=OPS-7', { kind: 'list', ticketId: 'OPS-7' }],
    ['filter', 'https://acme.atlassian.net/issues/?filter=10020', { kind: 'list' }],
    ['invalid selectedIssue is dropped', 'https://acme.atlassian.net/jira/software/projects/OPS/boards/3?selectedIssue=nope', { kind: 'list' }],
    ['JSM queue', 'https://acme.atlassian.net/jira/servicedesk/projects/OPS/queues/custom/7', { kind: 'list' }],
    ['JSM queue with an open issue', 'https://acme.atlassian.net/jira/servicedesk/projects/OPS/queues/custom/7/OPS-42', { kind: 'list', ticketId: 'OPS-42' }],
    ['Data Center board', 'https://jira.corp.example/secure/RapidBoard.jspa?rapidView=12&selectedIssue=SUP-7', { kind: 'list', ticketId: 'SUP-7' }],
    ['Data Center queue under a context path', 'https://jira.corp.example/jira/projects/SUP/queues/custom/1/SUP-7', { kind: 'list', ticketId: 'SUP-7' }],
    ['dashboard', 'https://acme.atlassian.net/jira/dashboards/10001', { kind: 'other' }],
    ['your work', 'https://acme.atlassian.net/jira/your-work', { kind: 'other' }],
  ])('%s', (_rule, href, expected) => {
    expect(parsePage(new URL(href))).toEqual(expected);
  });
});

describe('site base and issue URLs', () => {
  it.each([
    ['Cloud never has a context path', 'https://acme.atlassian.net/jira/servicedesk/projects/OPS/queues/custom/7', ''],
    ['Data Center at the root', 'https://jira.corp.example/browse/SUP-7', ''],
    ['Data Center under /jira', 'https://jira.corp.example/jira/browse/SUP-7', '/jira'],
    ['Data Center under another path', 'https://tools.corp.example/tracker/secure/Dashboard.jspa', '/tracker'],
  ])('%s', (_rule, href, contextPath) => {
    expect(contextPathOf(new URL(href))).toBe(contextPath);
    expect(siteBaseOf(new URL(href))).toBe(new URL(href).origin + contextPath);
  });

  it('builds the browse URL on the site base', () => {
    expect(issueUrl('https://acme.atlassian.net', 'OPS-42')).toBe('https://acme.atlassian.net/browse/OPS-42');
    expect(issueUrl('https://jira.corp.example/jira/', 'SUP-7')).toBe('https://jira.corp.example/jira/browse/SUP-7');
  });

  it.each([
    ['OPS-42', 'OPS-42'],
    ['ops-42', 'OPS-42'],
    ['OPS', null],
    ['42', null],
    ['%E0%A4%A', null],
    [null, null],
  ])('issueKeyFrom(%s) is %s', (candidate, key) => {
    expect(issueKeyFrom(candidate)).toBe(key);
  });
});

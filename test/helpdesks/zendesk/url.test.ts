import { describe, expect, it } from 'vitest';
import { agentTicketUrl, parsePage } from '../../../lib/helpdesks/zendesk/url';

describe('parsePage', () => {
  it.each([
    ['/agent/tickets/35436', { kind: 'ticket', ticketId: '35436' }],
    ['/agent/tickets/35436/events', { kind: 'ticket', ticketId: '35436' }],
    ['/agent/tickets/35436?foo=1', { kind: 'ticket', ticketId: '35436' }],
    ['/agent/filters/360001234567', { kind: 'list' }],
    ['/agent/filters', { kind: 'list' }],
    ['/agent/search/1?q=printer', { kind: 'list' }],
    ['/agent/dashboard', { kind: 'list' }],
    ['/agent/tickets/new/1', { kind: 'other' }],
    ['/agent/users/9001/requested_tickets', { kind: 'other' }],
    ['/agent/admin/overview', { kind: 'other' }],
    ['/hc/en-us/requests/35436', { kind: 'other' }],
    ['/tickets/35436', { kind: 'other' }],
  ])('%s', (path, page) => {
    expect(parsePage(new URL(path, 'https://acme.zendesk.com'))).toEqual(page);
  });
});

describe('agentTicketUrl', () => {
  it('builds the agent URL from an origin or from the API url of the ticket', () => {
    expect(agentTicketUrl('https://acme.zendesk.com', '35436')).toBe('https://acme.zendesk.com/agent/tickets/35436');
    expect(agentTicketUrl('https://acme.zendesk.com/api/v2/tickets/35436.json', 35436)).toBe(
      'https://acme.zendesk.com/agent/tickets/35436',
    );
  });
});

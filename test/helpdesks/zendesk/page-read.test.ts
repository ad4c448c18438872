// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { readTicketFromPage } from '../../../lib/helpdesks/zendesk/dom';
import { defaultZendeskMapping, parseZendeskMapping } from '../../../lib/helpdesks/zendesk/mapping';
import { fetchZendeskFields } from '../../../lib/helpdesks/zendesk/page-fields';
import * as selectors from '../../../lib/helpdesks/zendesk/selectors';
import { fixtureText } from './fixtures';

/**
 * The page read (issue 13): when the full read failed, the ticket's own REST fields come first,
 * so creation, status and priority never depend on the page's words; without them, a priority in
 * another language and a partly loaded conversation are unknown and said, never guessed.
 */

const page = (name: string) => new DOMParser().parseFromString(fixtureText(name), 'text/html');
const ticketUrl = new URL('https://acme.zendesk.com/agent/tickets/35436');
/** `ticket` of GET /api/v2/tickets/35436.json: created 01:30Z, open, high, tags with office_shanghai. */
const restTicket = () => (JSON.parse(fixtureText('ticket-35436.json')) as { ticket: Record<string, unknown> }).ticket;

function shownPane(doc: Document): Element {
  const pane = doc.querySelector('section.workspace:not([style])');
  if (!pane) throw new Error('fixture: no shown workspace');
  return pane;
}

/** The newest messages only, behind a control that loads earlier ones (a long conversation). */
function lazyConversation(doc: Document): void {
  const items = [...shownPane(doc).querySelectorAll(selectors.commentItem)];
  for (const item of items.slice(0, -1)) item.remove();
  const more = doc.createElement('button');
  more.type = 'button';
  more.textContent = '以前のメッセージを表示';
  shownPane(doc).querySelector(selectors.conversationLog)?.prepend(more);
}

describe('Zendesk page read with the ticket REST fields', () => {
  it('the Japanese page with the REST fields: created, status and severity from the API', () => {
    const fields = { ...restTicket(), priority: 'urgent', status: 'pending' };
    expect(readTicketFromPage(page('ticket-page.ja.html'), ticketUrl, defaultZendeskMapping, fields)).toEqual({
      system: 'zendesk',
      id: '35436',
      url: 'https://acme.zendesk.com/agent/tickets/35436',
      title: 'Production database cluster down',
      createdAt: new Date('2026-07-14T01:30:00Z'),
      severity: 1, // urgent, from REST (the page shows 高)
      status: 'waiting', // pending, from REST (the page's badge says open)
      office: 'shanghai',
      workaround: true,
      history: [],
    });
  });

  it('a lazily loaded conversation with the REST fields: the creation is created_at, not the newest message shown', () => {
    const doc = page('ticket-page.html');
    lazyConversation(doc);
    const ticket = readTicketFromPage(doc, ticketUrl, defaultZendeskMapping, restTicket());
    expect(ticket.createdAt).toEqual(new Date('2026-07-14T01:30:00Z'));
    expect(ticket.unread).toBeUndefined();
  });

  it('the REST fields read the mapped custom field and tags too', () => {
    const fields = { ...restTicket(), tags: ['sev_1'], custom_fields: [{ id: 360011112222, value: 'sev_3' }] };
    const byField = parseZendeskMapping({ severity: { source: 'customField', fieldId: 360011112222, values: { sev_1: 1, sev_3: 3 } } });
    const byTags = parseZendeskMapping({ severity: { source: 'tags' } });
    expect(readTicketFromPage(page('ticket-page.ja.html'), ticketUrl, byField, fields).severity).toBe(3);
    expect(readTicketFromPage(page('ticket-page.ja.html'), ticketUrl, byTags, fields).severity).toBe(1);
  });

  it('fields of an unexpected shape are not taken: the page is read for them', () => {
    const fields = { ...restTicket(), created_at: 'yesterday', status: 'Offen', priority: 7 };
    const ticket = readTicketFromPage(page('ticket-page.html'), ticketUrl, defaultZendeskMapping, fields);
    expect(ticket).toMatchObject({ createdAt: new Date('2026-07-14T01:30:00Z'), status: 'active', severity: 2 });
  });

  it('fetchZendeskFields asks once for the ticket alone, without retrying', async () => {
    const asked: string[] = [];
    const io = {
      origin: 'https://acme.zendesk.com',
      fetch: (async (input: RequestInfo | URL) => {
        asked.push(String(input));
        return new Response(JSON.stringify({ ticket: restTicket() }), { status: 200, headers: { 'content-type': 'application/json' } });
      }) as typeof fetch,
    };
    expect(await fetchZendeskFields('35436', io)).toMatchObject({ id: 35436, created_at: '2026-07-14T01:30:00Z' });
    expect(asked).toEqual(['https://acme.zendesk.com/api/v2/tickets/35436.json']);
    const failing = { ...io, fetch: (async () => { asked.push('again'); return new Response('', { status: 503 }); }) as typeof fetch };
    await expect(fetchZendeskFields('35436', failing)).rejects.toMatchObject({ kind: 'server' });
    expect(asked.filter((url) => url === 'again')).toHaveLength(1);
  });
});

describe('Zendesk page read without REST: nothing guessed from words', () => {
  it('the Japanese page: status from the badge attribute, the priority 高 not read: severity unknown and said', () => {
    const ticket = readTicketFromPage(page('ticket-page.ja.html'), ticketUrl, defaultZendeskMapping);
    expect(ticket.status).toBe('active');
    expect(ticket.severity).toBeNull();
    expect(ticket.unread).toEqual(['severity']);
    expect(ticket.gaps).toEqual([expect.stringContaining('priority shown on the page as "高"')]);
  });

  it('no priority ("-") is no severity, not an unread one', () => {
    const doc = page('ticket-page.ja.html');
    const value = shownPane(doc).querySelector(selectors.priorityValue);
    if (value) value.textContent = '-';
    const ticket = readTicketFromPage(doc, ticketUrl, defaultZendeskMapping);
    expect(ticket.severity).toBeNull();
    expect(ticket.unread).toBeUndefined();
  });

  it('a lazily loaded conversation: the creation is unknown and said, not the earliest message shown', () => {
    const doc = page('ticket-page.html');
    lazyConversation(doc);
    const ticket = readTicketFromPage(doc, ticketUrl, defaultZendeskMapping);
    expect(ticket.unread).toEqual(['createdAt']);
    expect(ticket.gaps).toEqual([expect.stringMatching(/only the newest messages of the conversation are loaded/)]);
  });

  it('the whole conversation on the page: the earliest message is the creation', () => {
    const ticket = readTicketFromPage(page('ticket-page.html'), ticketUrl, defaultZendeskMapping);
    expect(ticket.createdAt).toEqual(new Date('2026-07-14T01:30:00Z'));
    expect(ticket.unread).toBeUndefined();
  });
});

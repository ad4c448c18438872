// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { findBadgeAnchor, readListRows, readPageTicket, readTicketFromPage } from '../../../lib/helpdesks/zendesk/dom';
import { defaultZendeskMapping, parseZendeskMapping } from '../../../lib/helpdesks/zendesk/mapping';
import * as selectors from '../../../lib/helpdesks/zendesk/selectors';
import { fixtureText } from './fixtures';

const page = (name: string) => new DOMParser().parseFromString(fixtureText(name), 'text/html');
const ticketUrl = new URL('https://acme.zendesk.com/agent/tickets/35436');

function shownPane(doc: Document): Element {
  const pane = doc.querySelector('section.workspace:not([style])');
  if (!pane) throw new Error('fixture: no shown workspace');
  return pane;
}

describe('readTicketFromPage', () => {
  it('reads the shown ticket, not the hidden tab, without history', () => {
    expect(readTicketFromPage(page('ticket-page.html'), ticketUrl, defaultZendeskMapping)).toEqual({
      system: 'zendesk',
      id: '35436',
      url: 'https://acme.zendesk.com/agent/tickets/35436',
      title: 'Production database cluster down',
      createdAt: new Date('2026-07-14T01:30:00Z'), // the earliest message
      severity: 2, // High
      status: 'active', // Open
      office: 'shanghai',
      workaround: true,
      history: [],
    });
  });

  it('marks what it read as from the page, without history', () => {
    const read = readPageTicket(page('ticket-page.html'), ticketUrl, defaultZendeskMapping);
    expect(read.source).toBe('dom');
    expect(read.withoutHistory).toBe(true);
  });

  it('reads severity from the custom drop-down’s label when mapped to a custom field', () => {
    const mapping = parseZendeskMapping({
      severity: { source: 'customField', fieldId: 360011112222, values: { sev_1: 1, sev_2: 2, sev_3: 3, sev_4: 4 } },
    });
    expect(readTicketFromPage(page('ticket-page.html'), ticketUrl, mapping).severity).toBe(2); // "Sev 2"
  });

  it('reads severity from tags when mapped to tags', () => {
    const doc = page('ticket-page.html');
    const tag = shownPane(doc).querySelector(selectors.selectedTag);
    if (!tag) throw new Error('fixture: no tag');
    tag.textContent = 'sev_1';
    const mapping = parseZendeskMapping({ severity: { source: 'tags' } });
    expect(readTicketFromPage(doc, ticketUrl, mapping).severity).toBe(1);
  });

  it.each([
    ['Pending', 'waiting'],
    ['On-hold', 'active'],
    ['Solved', 'solved'],
    ['New', 'active'],
  ] as const)('maps the status shown as %s to %s', (shown, status) => {
    const doc = page('ticket-page.html');
    const button = shownPane(doc).querySelector(selectors.statusMenuButton);
    if (!button) throw new Error('fixture: no status button');
    button.textContent = shown;
    expect(readTicketFromPage(doc, ticketUrl, defaultZendeskMapping).status).toBe(status);
  });

  it('reads no priority ("-") as an unknown severity', () => {
    const doc = page('ticket-page.html');
    const value = shownPane(doc).querySelector(selectors.priorityValue);
    if (!value) throw new Error('fixture: no priority value');
    value.textContent = '-';
    expect(readTicketFromPage(doc, ticketUrl, defaultZendeskMapping).severity).toBeNull();
  });

  describe('a page that changed shape is reported as malformed, naming what is missing', () => {
    const remove = (selector: string) => (doc: Document) => {
      for (const element of shownPane(doc).querySelectorAll(selector)) element.remove();
    };
    it.each([
      ['no subject', (doc: Document) => doc.querySelectorAll(selectors.subjectInput).forEach((el) => el.remove()), /subject/],
      ['no priority field', remove(selectors.prioritySelect), /priority/],
      ['no priority value', remove(selectors.comboboxValue), /priority value/],
      ['no status', (doc: Document) => {
        remove(selectors.statusMenuButton)(doc);
        remove(selectors.statusView)(doc);
      }, /status/],
      ['a status it does not know', (doc: Document) => {
        shownPane(doc).querySelector(selectors.statusMenuButton)?.replaceChildren('Waiting for vendor');
      }, /status "Waiting for vendor"/],
      ['no message times', remove('time'), /message times/],
      ['both tabs shown at once, neither naming the ticket', (doc: Document) => doc.querySelectorAll('section.workspace').forEach((el) => el.removeAttribute('style')), /subject of the open ticket/],
      ['renamed test ids', (doc: Document) => {
        for (const element of doc.querySelectorAll('[data-test-id]')) element.setAttribute('data-test-id', `v2-${element.getAttribute('data-test-id') ?? ''}`);
      }, /subject/],
    ])('%s', (_name, change, message) => {
      const doc = page('ticket-page.html');
      change(doc);
      expect(() => readTicketFromPage(doc, ticketUrl, defaultZendeskMapping)).toThrow(
        expect.objectContaining({ name: 'HelpdeskError', kind: 'malformed', message: expect.stringMatching(message) }),
      );
    });

    it('a custom severity field that is gone', () => {
      const doc = page('ticket-page.html');
      remove(selectors.dropdownCustomField(360011112222))(doc);
      const mapping = parseZendeskMapping({ severity: { source: 'customField', fieldId: 360011112222, values: { sev_1: 1 } } });
      expect(() => readTicketFromPage(doc, ticketUrl, mapping)).toThrow(/custom field 360011112222/);
    });
  });

  it('refuses a URL that is not a ticket page', () => {
    expect(() =>
      readTicketFromPage(page('ticket-page.html'), new URL('https://acme.zendesk.com/agent/filters/1'), defaultZendeskMapping),
    ).toThrow(/not a ticket page/);
  });
});

describe('readListRows', () => {
  it('reads the id of each of the 30 rows of a view, with or without "#"', () => {
    const rows = readListRows(page('view-page.html'));
    expect(rows).toHaveLength(30);
    expect(rows.map(({ id }) => id)).toEqual(Array.from({ length: 30 }, (_, index) => String(35436 + index * 3)));
    expect(rows.every(({ row }) => row.matches(selectors.listRow))).toBe(true);
  });

  it('reads rows inside a given element only', () => {
    const doc = page('view-page.html');
    const body = doc.querySelector('tbody');
    if (!body) throw new Error('fixture: no tbody');
    expect(readListRows(body)).toHaveLength(30);
    expect(readListRows(doc.querySelector('thead') ?? doc.createElement('div'))).toEqual([]);
  });

  it('reads the id from the subject link when the view hides the ID column (issue 13)', () => {
    const doc = page('view-page.html');
    for (const cell of doc.querySelectorAll(selectors.listIdCell)) cell.remove();
    expect(readListRows(doc).map(({ id }) => id)).toEqual(Array.from({ length: 30 }, (_, index) => String(35436 + index * 3)));
  });

  it('skips a row whose id cell is missing or not a number and that links to no ticket', () => {
    const doc = page('view-page.html');
    const cells = doc.querySelectorAll(selectors.listIdCell);
    cells[0]?.replaceChildren('—');
    cells[1]?.remove();
    for (const row of [...doc.querySelectorAll(selectors.listRow)].slice(0, 2)) row.querySelector('a')?.removeAttribute('href');
    expect(readListRows(doc)).toHaveLength(28);
  });

  it('finds nothing on a ticket page', () => {
    expect(readListRows(page('ticket-page.html'))).toEqual([]);
  });
});

describe('findBadgeAnchor', () => {
  it('is the shown ticket’s subject', () => {
    const anchor = findBadgeAnchor(page('ticket-page.html'));
    expect(anchor?.getAttribute('value')).toBe('Production database cluster down');
  });

  it('is null while no ticket is rendered', () => {
    expect(findBadgeAnchor(page('view-page.html'))).toBeNull();
  });
});

/**
 * Several ticket tabs (issue 13): the Agent Workspace keeps every open ticket's pane in the DOM and
 * hides the inactive ones by style, not necessarily inline (public userscripts look for
 * `div.workspace` without a display style). Read in a live document, so computed styles apply.
 */
describe('several ticket panes in a live document', () => {
  function livePage(hideBy: 'class' | 'inline', openId = '35436'): Document {
    const parsed = page('ticket-page.html');
    const panes = [...parsed.querySelectorAll('section.workspace')];
    for (const pane of panes) pane.removeAttribute('style');
    // The open ticket's pane first or second, whichever the URL says.
    const hidden = openId === '35436' ? panes[1] : panes[0];
    if (hideBy === 'class') hidden?.classList.add('is-inactive');
    else hidden?.setAttribute('style', 'display: none;');
    document.head.innerHTML = '<style>.is-inactive { display: none; }</style>';
    document.body.innerHTML = parsed.body.innerHTML;
    (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(`https://acme.zendesk.com/agent/tickets/${openId}`);
    return document;
  }

  it.each(['class', 'inline'] as const)('reads the pane shown when the other is hidden by %s style', (hideBy) => {
    const doc = livePage(hideBy);
    expect(readTicketFromPage(doc, ticketUrl, defaultZendeskMapping).title).toBe('Production database cluster down');
    expect((findBadgeAnchor(doc) as HTMLInputElement | null)?.value).toBe('Production database cluster down');
  });

  it('follows a tab switch: the other pane shown, the URL naming its ticket', () => {
    const doc = livePage('class', '35437');
    expect((findBadgeAnchor(doc) as HTMLInputElement | null)?.value).toBe('Report export takes 10 minutes');
    expect(readTicketFromPage(doc, new URL('https://acme.zendesk.com/agent/tickets/35437'), defaultZendeskMapping).title).toBe(
      'Report export takes 10 minutes',
    );
  });

  it('never throws for the badge: two panes shown and neither named is no anchor (the badge floats)', () => {
    const doc = livePage('class');
    for (const pane of doc.querySelectorAll('section.workspace')) pane.classList.remove('is-inactive');
    expect(() => findBadgeAnchor(doc)).not.toThrow();
    expect(findBadgeAnchor(doc)).toBeNull();
  });

  it('two panes shown: the one linking to the URL\'s ticket is the open one', () => {
    const doc = livePage('class');
    const panes = [...doc.querySelectorAll('section.workspace')];
    for (const pane of panes) pane.classList.remove('is-inactive');
    const link = doc.createElement('a');
    link.setAttribute('href', '/agent/tickets/35436');
    panes[0]?.append(link);
    expect((findBadgeAnchor(doc) as HTMLInputElement | null)?.value).toBe('Production database cluster down');
  });
});

/** Any language, any customisation (issue 13): the status comes from the badge's test id, not its words. */
describe('status in another language or a custom status', () => {
  it.each([
    ['German', 'Offen', 'open', 'active'],
    ['Japanese', 'オープン', 'open', 'active'],
    ['a custom status', 'Waiting for vendor', 'hold', 'active'],
    ['a custom pending status in German', 'Warten auf Kunde', 'pending', 'waiting'],
  ] as const)('%s: "%s" with status-badge-%s reads as %s', (_name, shown, category, expected) => {
    const doc = page('ticket-page.html');
    const button = shownPane(doc).querySelector(selectors.statusMenuButton);
    const badge = doc.createElement('div');
    badge.setAttribute('data-test-id', `status-badge-${category}`);
    badge.textContent = shown;
    button?.replaceChildren(badge);
    expect(readTicketFromPage(doc, ticketUrl, defaultZendeskMapping).status).toBe(expected);
  });
});

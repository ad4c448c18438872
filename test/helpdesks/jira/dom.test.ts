// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { HelpdeskError } from '../../../lib/helpdesks/contract';
import {
  findBadgeAnchor,
  readAtlassianToken,
  readContextPath,
  readListRows,
  readTicketFromPage,
  siteBaseOfPage,
} from '../../../lib/helpdesks/jira/dom';
import { jiraMappingDefaults, type JiraMapping } from '../../../lib/helpdesks/jira/mapping';
import { at, severityField } from './expected-tickets';
import { jiraJson } from './fixtures';
import { jiraPage } from './page';

function malformed(read: () => unknown): HelpdeskError {
  try {
    read();
  } catch (error) {
    if (error instanceof HelpdeskError) return error;
    throw error;
  }
  throw new Error('expected a HelpdeskError');
}

describe('readTicketFromPage', () => {
  it('Cloud issue view without REST: the created date is only text, so it is unknown and said; status and priority in English are read', () => {
    const url = new URL('https://acme.atlassian.net/browse/OPS-42');
    expect(readTicketFromPage(jiraPage('cloud-issue-view.html'), url, jiraMappingDefaults)).toEqual({
      system: 'jira',
      id: 'OPS-42',
      url: 'https://acme.atlassian.net/browse/OPS-42',
      title: 'Checkout gateway down for all Shanghai users',
      createdAt: new Date(0),
      severity: 1, // Highest
      status: 'waiting', // Waiting for customer
      office: null,
      workaround: false,
      history: [],
      unread: ['createdAt'],
    });
  });

  it('Cloud issue view with the REST fields: created, status category, priority and labels from the API, not the page', () => {
    const url = new URL('https://acme.atlassian.net/browse/OPS-42');
    const fields = jiraJson('cloud-ops-42.fields.json').fields;
    expect(readTicketFromPage(jiraPage('cloud-issue-view.html'), url, jiraMappingDefaults, fields)).toEqual({
      system: 'jira',
      id: 'OPS-42',
      url: 'https://acme.atlassian.net/browse/OPS-42',
      title: 'Checkout gateway down for all Shanghai users',
      createdAt: at('2026-07-14T09:30:00Z'),
      severity: 2, // High, from REST (the page shows an older Highest)
      status: 'active', // In Progress (indeterminate)
      office: 'shanghai',
      workaround: true,
      history: [],
    });
  });

  it.each(['de', 'ja'])('Cloud issue view in %s: with the REST fields every value is read whatever the words', (language) => {
    const url = new URL('https://acme.atlassian.net/browse/OPS-42');
    const fields = jiraJson('cloud-ops-42.fields.json').fields;
    const ticket = readTicketFromPage(jiraPage(`cloud-issue-view.${language}.html`), url, jiraMappingDefaults, fields);
    expect(ticket).toMatchObject({ createdAt: at('2026-07-14T09:30:00Z'), severity: 2, status: 'active' });
    expect(ticket.unread).toBeUndefined();
    expect(ticket.gaps).toBeUndefined();
  });

  it.each([
    ['de', 'Höchste', 'Warten auf Kunden'],
    ['ja', '最高', '顧客の対応待ち'],
  ])('Cloud issue view in %s without REST: created and severity unknown and said, status counted active and said, nothing guessed', (language, priority, status) => {
    const url = new URL('https://acme.atlassian.net/browse/OPS-42');
    const ticket = readTicketFromPage(jiraPage(`cloud-issue-view.${language}.html`), url, jiraMappingDefaults);
    expect(ticket.severity).toBeNull();
    expect(ticket.status).toBe('active');
    expect(ticket.unread).toEqual(['createdAt', 'severity']);
    expect(ticket.gaps).toEqual([
      expect.stringContaining(`severity shown on the page as "${priority}"`),
      expect.stringContaining(`status "${status}": category unknown, counted as active`),
    ]);
  });

  it('Cloud modal over a board: reads the modal, not the cards', () => {
    const url = new URL('https://acme.atlassian.net/jira/software/projects/OPS/boards/3?selectedIssue=OPS-42');
    expect(readTicketFromPage(jiraPage('cloud-board-modal.html'), url, jiraMappingDefaults)).toMatchObject({
      id: 'OPS-42',
      title: 'Checkout gateway down for all Shanghai users',
      severity: 2,
      status: 'active',
    });
  });

  it('Data Center issue page: legacy ids, labels, context path and the custom severity field', () => {
    const url = new URL('https://jira.corp.example/jira/browse/SUP-7');
    const byId: JiraMapping = { ...severityField, severity: { source: 'field', field: 'customfield_10400', values: {}, numbered: true } };
    expect(readTicketFromPage(jiraPage('dc-issue.html'), url, byId)).toEqual({
      system: 'jira',
      id: 'SUP-7',
      url: 'https://jira.corp.example/jira/browse/SUP-7',
      title: 'Monthly report generation fails with HTTP 500',
      createdAt: at('2026-07-13T01:00:00Z'), // 09:00+0800
      severity: 1, // Sev-1
      status: 'active',
      office: 'taichung',
      workaround: false,
      history: [],
    });
  });

  it.each([
    ['Fertig', 'done', 'solved'],
    ['Warten auf Kunden', 'indeterminate', 'active'],
    ['Offen', 'new', 'active'],
  ])('a German Data Center status "%s" is read by its lozenge\'s category class (%s → %s), not its words', (word, category, status) => {
    const doc = jiraPage('dc-issue.html');
    const lozenge = doc.querySelector('#status-val .jira-issue-status-lozenge');
    lozenge?.setAttribute('class', `jira-issue-status-lozenge aui-lozenge jira-issue-status-lozenge-${category}`);
    lozenge!.textContent = word;
    const ticket = readTicketFromPage(doc, new URL('https://jira.corp.example/jira/browse/SUP-7'), jiraMappingDefaults);
    expect(ticket.status).toBe(status);
    expect(ticket.gaps).toBeUndefined();
  });

  it('a Data Center status lozenge without a category class: counted active, and said', () => {
    const doc = jiraPage('dc-issue.html');
    doc.querySelector('#status-val .jira-issue-status-lozenge')?.setAttribute('class', 'jira-issue-status-lozenge aui-lozenge');
    const ticket = readTicketFromPage(doc, new URL('https://jira.corp.example/jira/browse/SUP-7'), jiraMappingDefaults);
    expect(ticket.gaps).toEqual(['status "In Progress": category unknown, counted as active']);
  });

  it('Data Center with the default mapping reads the priority', () => {
    const url = new URL('https://jira.corp.example/jira/browse/SUP-7');
    expect(readTicketFromPage(jiraPage('dc-issue.html'), url, jiraMappingDefaults).severity).toBe(1); // Critical
  });

  it('a custom field given by name cannot be read from the page: severity unknown', () => {
    const url = new URL('https://jira.corp.example/jira/browse/SUP-7');
    expect(readTicketFromPage(jiraPage('dc-issue.html'), url, severityField).severity).toBeNull();
  });

  it('a page that changed shape is malformed, naming what is missing', () => {
    const url = new URL('https://acme.atlassian.net/browse/OPS-42');
    const error = malformed(() => readTicketFromPage(jiraPage('cloud-issue-view-changed.html'), url, jiraMappingDefaults));
    expect(error.kind).toBe('malformed');
    expect(error.message).toMatch(/summary, priority not found/);
  });

  it.each<[string, (doc: Document) => void, RegExp]>([
    ['no summary', (d) => d.querySelector('h1')?.remove(), /summary not found/],
    ['no status', (d) => d.querySelector('[data-testid$="status-button.status-button"]')?.remove(), /status not found/],
    ['no breadcrumb key', (d) => d.querySelector('[data-testid$="current-issue.item"]')?.remove(), /issue key \(breadcrumb\) not found/],
  ])('Cloud issue view with %s is malformed', (_rule, change, message) => {
    const doc = jiraPage('cloud-issue-view.html');
    change(doc);
    expect(malformed(() => readTicketFromPage(doc, new URL('https://acme.atlassian.net/browse/OPS-42'), jiraMappingDefaults)).message).toMatch(message);
  });

  it('a Data Center page without its status names it; without its created date that is unknown and said', () => {
    const doc = jiraPage('dc-issue.html');
    doc.querySelector('#created-val')?.remove();
    const url = new URL('https://jira.corp.example/jira/browse/SUP-7');
    expect(readTicketFromPage(doc, url, jiraMappingDefaults).unread).toEqual(['createdAt']);
    doc.querySelector('#status-val')?.remove();
    expect(malformed(() => readTicketFromPage(doc, url, jiraMappingDefaults)).message).toMatch(/status not found/);
  });

  it("a Data Center date is read from its <time datetime>, never from the text shown", () => {
    const doc = jiraPage('dc-issue.html');
    const time = doc.querySelector('#created-val time');
    time?.removeAttribute('datetime');
    time!.textContent = '2026-07-13T09:00+0800';
    const url = new URL('https://jira.corp.example/jira/browse/SUP-7');
    expect(readTicketFromPage(doc, url, jiraMappingDefaults).unread).toEqual(['createdAt']);
  });

  it('a view still showing the previous issue after a route change is not read as the new one', () => {
    const url = new URL('https://acme.atlassian.net/browse/OPS-43');
    expect(malformed(() => readTicketFromPage(jiraPage('cloud-issue-view.html'), url, jiraMappingDefaults)).message).toMatch(
      /shows OPS-42 but the URL is for OPS-43/,
    );
  });
});

describe('readListRows', () => {
  it.each([
    ['board cards, not the modal', 'cloud-board-modal.html', ['OPS-44', 'OPS-45', 'OPS-42', 'OPS-43', 'OPS-39']],
    ['JSM queue rows, not the sidebar queue links', 'jsm-queue.html', ['OPS-42', 'OPS-43', 'OPS-44', 'OPS-46']],
    ['Data Center navigator rows by data-issuekey', 'dc-issue-navigator.html', ['SUP-7', 'SUP-8', 'SUP-11']],
    ['an issue page has no list rows', 'cloud-issue-view.html', []],
    ['a Data Center issue page has none either', 'dc-issue.html', []],
  ])('%s', (_rule, page, keys) => {
    const rows = readListRows(jiraPage(page));
    expect(rows.map((r) => r.id)).toEqual(keys);
    expect(new Set(rows.map((r) => r.row)).size).toBe(keys.length);
  });

  it('returns the row element to decorate', () => {
    const [first] = readListRows(jiraPage('jsm-queue.html'));
    expect(first?.row.tagName).toBe('TR');
    expect(first?.row.textContent).toContain('Checkout gateway down');
  });

  it('reads only below the given element', () => {
    const doc = jiraPage('cloud-board-modal.html');
    const done = [...doc.querySelectorAll('[data-testid="platform-board-kit.ui.column.draggable-column"]')].at(-1);
    expect(done && readListRows(done).map((r) => r.id)).toEqual(['OPS-39']);
  });
});

describe('findBadgeAnchor', () => {
  it.each([
    ['the summary heading of the issue view', 'cloud-issue-view.html', 'Checkout gateway down for all Shanghai users'],
    ['the summary heading in the modal', 'cloud-board-modal.html', 'Checkout gateway down for all Shanghai users'],
    ['#summary-val on Data Center', 'dc-issue.html', 'Monthly report generation fails with HTTP 500'],
    ['the key breadcrumb when the heading moved', 'cloud-issue-view-changed.html', 'OPS-42'],
  ])('%s', (_rule, page, anchorText) => {
    expect(findBadgeAnchor(jiraPage(page))?.textContent?.trim()).toBe(anchorText);
  });

  it('null while the issue view is not rendered yet', () => {
    expect(findBadgeAnchor(jiraPage('jsm-queue.html'))).toBeNull();
  });
});

describe('Data Center page metadata', () => {
  it('context path, site base and XSRF token from the meta tags', () => {
    const doc = jiraPage('dc-issue.html');
    expect(readContextPath(doc)).toBe('/jira');
    expect(siteBaseOfPage(doc, new URL('https://jira.corp.example/jira/browse/SUP-7'))).toBe('https://jira.corp.example/jira');
    expect(readAtlassianToken(doc)).toBe('B3WY-Q7L2-9XKD-7TQM_1f0c3d2e5a7b9c1d_lin');
  });

  it.each(['//evil.example', '@evil.example', '/jira/../admin', '/ji ra', 'https://evil.example/jira', '/jira?x=1', '/jira#x'])(
    "a context-path meta tag '%s' (a page script can write one) is ignored; the REST base stays on location.origin",
    (content) => {
      const doc = jiraPage('dc-issue.html');
      doc.querySelector('meta[name="ajs-context-path"]')?.setAttribute('content', content);
      expect(readContextPath(doc)).toBeNull();
      const base = siteBaseOfPage(doc, new URL('https://jira.corp.example/jira/browse/SUP-7'));
      expect(base).toBe('https://jira.corp.example/jira');
      expect(new URL(`${base}/rest/api/2/issue/SUP-7`).origin).toBe('https://jira.corp.example');
    },
  );

  it('a plain multi-segment context path is kept', () => {
    const doc = jiraPage('dc-issue.html');
    doc.querySelector('meta[name="ajs-context-path"]')?.setAttribute('content', '/tools/jira.v2~x-y/');
    expect(readContextPath(doc)).toBe('/tools/jira.v2~x-y');
  });

  it('Cloud pages have neither', () => {
    const doc = jiraPage('cloud-issue-view.html');
    expect(readContextPath(doc)).toBeNull();
    expect(readAtlassianToken(doc)).toBeNull();
    expect(siteBaseOfPage(doc, new URL('https://acme.atlassian.net/browse/OPS-42'))).toBe('https://acme.atlassian.net');
  });
});

// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import * as selectors from '../../../lib/helpdesks/zendesk/selectors';
import { fixtureText } from './fixtures';

/**
 * Every selector against the saved Agent Workspace pages, with the number of matches expected
 * (refined-github style). A Zendesk release that renames an attribute shows up here first:
 * save a fresh page, and the failing row says which selector to fix.
 */

const page = (name: string) => new DOMParser().parseFromString(fixtureText(name), 'text/html');

// ticket-page.html: tickets 35436 (shown) and 35437 (hidden tab) are both in the DOM.
const expectedOnTicketPage: Record<string, number> = {
  ticketTab: 2,
  headerTab: 2,
  headerTabTitle: 2,
  headerTabSubtitle: 2,
  subjectInput: 2,
  statusMenuButton: 2,
  statusView: 2,
  prioritySelect: 2,
  comboboxValue: 6, // type, priority and the severity drop-down, in both tabs
  priorityValue: 2,
  typeSelect: 2,
  selectedTag: 6, // 4 on 35436, 2 on 35437
  customField: 6, // drop-down, text and checkbox fields, in both tabs
  nativeSlaBadge: 1,
  conversationLog: 2,
  commentItem: 7, // 5 + 2
  internalNoteTag: 1,
  agentAvatarBadge: 4, // Li Na ×2 and Sam Ortiz on 35436, Li Na on 35437
  commentTime: 7,
  conversationControl: 0, // both conversations are whole: no control to load earlier messages
  listRow: 0,
  listIdCell: 0,
  listSubjectCell: 0,
  ticketLink: 0,
  statusBadge: 0,
};

const expectedOnViewPage: Record<string, number> = {
  ...Object.fromEntries(Object.keys(expectedOnTicketPage).map((name) => [name, 0])),
  listRow: 30,
  listIdCell: 30,
  listSubjectCell: 30,
  ticketLink: 30,
};

const stringSelectors = Object.entries(selectors).filter((entry): entry is [string, string] => typeof entry[1] === 'string');

describe('Agent Workspace selectors', () => {
  it('has an expected count for every selector (a new selector needs a row here)', () => {
    const names = stringSelectors.map(([name]) => name).filter((name) => name !== 'customFieldPrefix');
    expect(names.sort()).toEqual(Object.keys(expectedOnTicketPage).sort());
  });

  describe.each([
    ['ticket-page.html', expectedOnTicketPage],
    ['view-page.html', expectedOnViewPage],
  ])('on %s', (name, expected) => {
    const doc = page(name);
    it.each(Object.entries(expected))('%s matches %i', (selectorName, count) => {
      const selector = (selectors as Record<string, unknown>)[selectorName];
      if (typeof selector !== 'string') throw new Error(`no selector ${selectorName}`);
      expect(doc.querySelectorAll(selector)).toHaveLength(count);
    });
  });

  it('finds a drop-down custom field by id', () => {
    expect(page('ticket-page.html').querySelectorAll(selectors.dropdownCustomField(360011112222))).toHaveLength(2);
    expect(page('ticket-page.html').querySelectorAll(selectors.dropdownCustomField(1))).toHaveLength(0);
  });
});

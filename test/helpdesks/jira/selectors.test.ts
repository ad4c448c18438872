// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import {
  cloudBoard,
  cloudIssueView,
  dataCenterCustomField,
  dataCenterIssueView,
  listRows,
} from '../../../lib/helpdesks/jira/selectors';
import { jiraPage } from './page';

/**
 * Each selector against each saved page, with the number of matches expected there. A Jira
 * release that changes its markup shows up here first, when the pages are saved again.
 */
const selectors: Record<string, string> = {
  'cloud.key': cloudIssueView.key,
  'cloud.summary': cloudIssueView.summary,
  'cloud.priority': cloudIssueView.priority,
  'cloud.status': cloudIssueView.status,
  'cloud.created': cloudIssueView.created,
  'cloud.modal': cloudIssueView.modal,
  'cloud.boardCard': cloudBoard.card,
  'dc.keyMeta': dataCenterIssueView.keyMeta,
  'dc.key': dataCenterIssueView.key,
  'dc.summary': dataCenterIssueView.summary,
  'dc.status': dataCenterIssueView.status,
  'dc.statusLozenge': dataCenterIssueView.statusLozenge,
  'dc.priority': dataCenterIssueView.priority,
  'dc.created': dataCenterIssueView.created,
  'dc.labels': dataCenterIssueView.labels,
  'dc.contextPathMeta': dataCenterIssueView.contextPathMeta,
  'dc.tokenMeta': dataCenterIssueView.tokenMeta,
  'dc.severityField': dataCenterCustomField('customfield_10400'),
  'rows.dataCenterRow': listRows.dataCenterRow,
  'rows.issueLink': listRows.issueLink,
  'rows.row': listRows.row,
  'rows.issueViewContainer': listRows.issueViewContainer,
};

const none = Object.fromEntries(Object.keys(selectors).map((name) => [name, 0]));

const expected: Record<string, Record<string, number>> = {
  'cloud-issue-view.html': {
    ...none,
    'cloud.key': 1,
    'cloud.summary': 1,
    'cloud.priority': 1,
    'cloud.status': 1,
    'cloud.created': 1,
    'rows.issueLink': 6, // 2 queues in the sidebar, 2 breadcrumbs, a link in the description, a linked issue
  },
  'cloud-issue-view-changed.html': { ...none, 'cloud.key': 1, 'cloud.status': 1, 'cloud.created': 1, 'rows.issueLink': 1 },
  'cloud-board-modal.html': {
    ...none,
    'cloud.key': 1,
    'cloud.summary': 1,
    'cloud.priority': 1,
    'cloud.status': 1,
    'cloud.created': 1,
    'cloud.modal': 1,
    'cloud.boardCard': 5,
    'rows.issueLink': 7, // 5 cards, the modal's breadcrumb and its linked issue
    'rows.row': 1, // the linked issue, inside the modal
    'rows.issueViewContainer': 1,
  },
  'jsm-queue.html': { ...none, 'rows.issueLink': 10, 'rows.row': 5 },
  'dc-issue.html': {
    ...none,
    'dc.keyMeta': 1,
    'dc.key': 1,
    'dc.summary': 1,
    'dc.status': 1,
    'dc.statusLozenge': 1,
    'dc.priority': 1,
    'dc.created': 1,
    'dc.labels': 2,
    'dc.contextPathMeta': 1,
    'dc.tokenMeta': 1,
    'dc.severityField': 1,
    'rows.issueLink': 3, // project, key, linked issue
    'rows.row': 1,
    'rows.issueViewContainer': 1,
  },
  'dc-issue-navigator.html': { ...none, 'dc.contextPathMeta': 1, 'rows.dataCenterRow': 3, 'rows.issueLink': 7, 'rows.row': 4 },
};

describe.each(Object.keys(expected))('selectors on %s', (page) => {
  const doc = jiraPage(page);
  it.each(Object.entries(selectors))('%s', (name, selector) => {
    expect(doc.querySelectorAll(selector).length).toBe(expected[page]?.[name]);
  });
});

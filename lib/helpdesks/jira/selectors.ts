/**
 * Every DOM selector the Jira fallback reader uses, in one place, each tested against saved pages
 * (test/fixtures/jira/*.html) with the number of matches expected. They are undocumented and
 * change with Jira releases; the REST API stays the primary source.
 *
 * Sources: HELPDESKS.md (Cloud data-testids, the modal, board cards, Data Center ids). Marked
 * "inferred" are from Data Center's long-stable view-issue markup, not from that list.
 */

const testId = (id: string) => `[data-testid="${id}"]`;

/** Jira Cloud issue view (full page and the modal over boards, searches and queues). */
export const cloudIssueView = {
  key: testId('issue.views.issue-base.foundation.breadcrumbs.current-issue.item'),
  summary: testId('issue.views.issue-base.foundation.summary.heading'),
  priority: testId('issue-field-priority-readview-full.ui.priority.wrapper'),
  status: testId('issue-field-status.ui.status-view.status-button.status-button'),
  created: testId('created-date.ui.read.meta-date'),
  /** The issue opened over a board, search or queue. */
  modal: 'section[role="dialog"]',
} as const;

export const cloudBoard = {
  card: testId('platform-board-kit.ui.card.card'),
} as const;

/** Jira Data Center / Server view-issue page. */
export const dataCenterIssueView = {
  keyMeta: 'meta[name="ajs-issue-key"]',
  key: '#key-val',
  summary: '#summary-val',
  status: '#status-val',
  /**
   * The status lozenge names the status category in a class, whatever the language
   * (`jira-issue-status-lozenge-done` on a German "Fertig"): test/fixtures/jira/SOURCES.md.
   */
  statusLozenge: '#status-val .jira-issue-status-lozenge',
  priority: '#priority-val',
  /** inferred: the dates module renders `<span id="created-val"><time datetime>`. */
  created: '#created-val',
  /** inferred: the labels field renders one `.lozenge` link per label. */
  labels: '#wrap-labels .labels .lozenge, .labels-wrap .labels .lozenge',
  /** Context path of the site (`/jira`), for REST and browse URLs. */
  contextPathMeta: 'meta[name="ajs-context-path"]',
  /** XSRF token of the session. */
  tokenMeta: 'meta[name="atlassian-token"]',
} as const;

/** inferred: a Data Center custom field's value, `#customfield_10400-val`. */
export const dataCenterCustomField = (fieldId: string) => `#${fieldId}-val`;

/** Rows of lists: Data Center's issue navigator, and any table row linking to an issue (JSM queues). */
export const listRows = {
  /** inferred: issue navigator list view rows carry their key. */
  dataCenterRow: 'tr.issuerow[data-issuekey]',
  issueLink: 'a[href*="/browse/"], a[href*="/queues/"]',
  row: 'tr, [role="row"]',
  /** An open issue (Cloud modal; Data Center issue view, inferred): its linked-issue rows are no list. */
  issueViewContainer: 'section[role="dialog"], .issue-view',
} as const;

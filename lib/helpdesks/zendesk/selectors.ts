/**
 * Every Agent Workspace selector, in one place (HELPDESKS.md). They are undocumented and change
 * with Zendesk releases: each is a fallback behind the REST API and is tested against the saved
 * pages in test/fixtures/zendesk with the number of matches expected.
 */

const testId = (id: string) => `[data-test-id="${id}"]`;

/** Open ticket tabs in the header bar. */
export const ticketTab = '[role="tab"][data-entity-id]';
export const headerTab = testId('header-tab');
export const headerTabTitle = testId('header-tab-title');
/** Starts with "#35436". */
export const headerTabSubtitle = testId('header-tab-subtitle');

/** An input: read `.value`. One per open ticket tab (inactive tabs stay in the DOM, hidden). */
export const subjectInput = testId('omni-header-subject');

export const statusMenuButton = testId('ticket-status-menu-button');
export const statusView = testId('ticket-fields-status-view');
/**
 * Status badges name the status category in their test id (`status-badge-open`, …
 * `status-badge-closed`) whatever the UI language or the custom status shown as text (public
 * userscripts read `status-badge-closed` to tell Closed from Resolved).
 */
export const statusBadge = '[data-test-id^="status-badge-"]';

export const prioritySelect = testId('ticket-fields-priority-select');
/** The shown value of a Garden combobox (priority, type, drop-down custom fields). */
export const comboboxValue = '[data-garden-id="dropdowns.combobox.value"]';
export const priorityValue = `${prioritySelect} ${comboboxValue}`;

export const typeSelect = testId('ticket-fields-type-select');
export const selectedTag = testId('ticket-system-field-tags-item-selected');

/** Custom fields: `ticket-form-field-dropdown-field-{id}` and friends. */
export const customFieldPrefix = 'ticket-form-field-';
export const customField = `[data-test-id^="${customFieldPrefix}"]`;
export const dropdownCustomField = (fieldId: number) => testId(`${customFieldPrefix}dropdown-field-${fieldId}`);

/** Zendesk's own SLA badge. */
export const nativeSlaBadge = '[data-test-id^="sla-policy-"]';

export const conversationLog = testId('omni-log-container');
export const commentItem = testId('omni-log-comment-item');
export const internalNoteTag = testId('omni-log-internal-note-tag');
export const agentAvatarBadge = testId('omni-log-avatar-badge-AgentBadge');
/** Assumed: each message carries a standard <time datetime>; the earliest is the ticket's creation when all are loaded. */
export const commentTime = `${commentItem} time[datetime]`;
/**
 * Assumed, no public source names it: a long conversation shows its newest messages and a button
 * to load earlier ones. Any button in the log outside every message counts as that control, so
 * an unknown control makes the creation time unknown, never wrong (test/fixtures/zendesk/SOURCES.md).
 */
export const conversationControl = `${conversationLog} button`;

export const listRow = testId('generic-table-row');
export const listIdCell = testId('generic-table-cells-id');
export const listSubjectCell = testId('ticket-table-cells-subject');
/** A row's link to its ticket (the subject links to `/agent/tickets/{id}`), there when the ID column is hidden. */
export const ticketLink = 'a[href*="/tickets/"]';

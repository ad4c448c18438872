import type { Severity, Status, Ticket, TicketEvent } from '../../engine/types';
import { parseAckNote } from '../ack-note';
import { adfToText } from './adf-text';
import {
  hasLabel,
  jiraMappingDefaults,
  officeFromLabels,
  severityFromValue,
  statusFromJira,
  type JiraMapping,
} from './mapping';
import { jiraIssueSchema, parseJiraBody, type JiraComment, type JiraIssue, type JiraUser } from './schemas';
import { issueUrl } from './url';

/**
 * Jira issue (REST v3 Cloud or v2 Data Center, `expand=changelog`, with `comment`) → Ticket,
 * per SPEC §3–4. Pure. All comment and changelog pages must be present: a partial body would
 * produce a ticket that looks complete but is not, so it is rejected.
 */

export interface JiraMapInput {
  issue: unknown;
  /** Role ids of the policy: acknowledgement notes naming another role are ignored. */
  policyRoles?: readonly string[];
}

export function ticketFromJira(input: JiraMapInput, mapping: JiraMapping = jiraMappingDefaults): Ticket {
  return ticketFromJiraIssue(parseJiraBody(jiraIssueSchema, input.issue, 'issue'), mapping, input.policyRoles);
}

/** The same for an issue already parsed (the API layer parses while it pages). */
export function ticketFromJiraIssue(
  issue: JiraIssue,
  mapping: JiraMapping = jiraMappingDefaults,
  policyRoles?: readonly string[],
): Ticket {
  assertComplete(issue);
  const { fields } = issue;
  const severityField = resolveSeverityField(issue, mapping);
  const currentStatusCategory = new Map([[fold(fields.status.name), fields.status.statusCategory?.key]]);
  const statusOf = (name: string): Status =>
    statusFromJira(name, currentStatusCategory.get(fold(name)), mapping);

  const severityNow = severityFromValue(severityField.current, mapping.severity);
  const statusNow = statusOf(fields.status.name);

  const history: TicketEvent[] = [
    ...severityAndStatusEvents(issue, severityField, severityNow, statusNow, statusOf, mapping),
    ...workaroundEvents(issue, mapping),
    ...commentEvents(issue, policyRoles),
  ];

  return {
    system: 'jira',
    id: issue.key,
    url: issueUrl(siteBaseOfSelf(issue.self), issue.key),
    title: fields.summary,
    createdAt: fields.created,
    severity: severityNow,
    status: statusNow,
    office: officeFromLabels(fields.labels, mapping),
    workaround: hasLabel(fields.labels, mapping.workaroundLabel),
    history: sortOldestFirst(history),
    organization: organizationOf(issue),
    assignee: userId(fields.assignee),
  };
}

/** Cloud: accountId; Data Center: the user key, else the user name. */
function userId(user: JiraUser | null | undefined): string | null {
  return user?.accountId ?? user?.key ?? user?.name ?? null;
}

/** JSM's "Organizations" field name (as `names` gives it); its id differs per site. */
const ORGANIZATIONS_FIELD = 'organizations';

/**
 * The customer organisation: JSM's "Organizations" field, a list of `{id, name}`, found by its
 * name in the issue's `names` (expand=names). The first organisation names the customer.
 */
function organizationOf(issue: JiraIssue): string | null {
  const names = issue.names;
  if (names === undefined) return null;
  const id = Object.keys(names).find((key) => fold(names[key] ?? '') === ORGANIZATIONS_FIELD);
  const value: unknown = id === undefined ? undefined : issue.fields[id];
  if (!Array.isArray(value)) return null;
  for (const item of value) {
    const name = typeof item === 'object' && item !== null ? (item as { name?: unknown }).name : undefined;
    if (typeof name === 'string' && name.trim() !== '') return name.trim();
  }
  return null;
}

function assertComplete(issue: JiraIssue): void {
  const { comment } = issue.fields;
  if (comment.total > comment.comments.length) {
    throw new Error(
      `Jira issue ${issue.key}: fields.comment holds ${comment.comments.length} of ${comment.total} comments; fetch every page first`,
    );
  }
  const { changelog } = issue;
  if (changelog.total !== undefined && changelog.total > changelog.histories.length) {
    throw new Error(
      `Jira issue ${issue.key}: changelog holds ${changelog.histories.length} of ${changelog.total} histories; fetch every page first`,
    );
  }
}

/** `https://jira.corp.example/jira/rest/api/2/issue/10001` → `https://jira.corp.example/jira`. */
function siteBaseOfSelf(self: string): string {
  const at = self.indexOf('/rest/');
  return at > 0 ? self.slice(0, at) : new URL(self).origin;
}

const fold = (s: string): string => s.trim().toLowerCase();

interface SeverityField {
  /** Matches a changelog item of the severity source. */
  matches: (item: { field: string; fieldId?: string | undefined }) => boolean;
  /** The value now, as text (priority name, option value). */
  current: string | null;
}

function resolveSeverityField(issue: JiraIssue, mapping: JiraMapping): SeverityField {
  const source = mapping.severity;
  if (source.source === 'priority') {
    return {
      matches: (item) => item.fieldId === 'priority' || (item.fieldId === undefined && fold(item.field) === 'priority'),
      current: issue.fields.priority?.name ?? null,
    };
  }
  const { id, name } = customFieldIdAndName(issue, source.field);
  const raw: unknown = id === null ? undefined : issue.fields[id];
  return {
    // Cloud items carry fieldId; Data Center items only the field's name.
    matches: (item) =>
      (id !== null && item.fieldId === id) ||
      (item.fieldId === undefined && name !== null && fold(item.field) === fold(name)),
    current: fieldValueText(raw),
  };
}

const CUSTOM_FIELD_ID = /^customfield_\d+$/;

function customFieldIdAndName(issue: JiraIssue, field: string): { id: string | null; name: string | null } {
  const names = issue.names;
  if (CUSTOM_FIELD_ID.test(field)) return { id: field, name: names?.[field] ?? null };
  if (names === undefined) {
    throw new Error(
      `Jira issue ${issue.key}: names is missing; it is needed to find the custom field named "${field}" (fetch with expand=names)`,
    );
  }
  const id = Object.keys(names).find((key) => fold(names[key] ?? '') === fold(field)) ?? null;
  // A project without the field: its severity is unknown, which the badge shows as such.
  return { id, name: field };
}

/** Text of a custom field value: string, number, select option, or the first of a multi-select. */
function fieldValueText(raw: unknown): string | null {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === 'string') return raw;
  if (typeof raw === 'number') return String(raw);
  if (Array.isArray(raw)) return raw.length > 0 ? fieldValueText(raw[0]) : null;
  if (typeof raw === 'object') {
    const option = raw as { value?: unknown; name?: unknown };
    if (typeof option.value === 'string') return option.value;
    if (typeof option.name === 'string') return option.name;
  }
  return null;
}

function byCreated<T extends { created: Date }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => a.created.getTime() - b.created.getTime());
}

/**
 * Severity and status events. SPEC §3: the value at creation is the `fromString` of the first
 * change, else the current value; then one event per change.
 */
function severityAndStatusEvents(
  issue: JiraIssue,
  severityField: SeverityField,
  severityNow: Severity | null,
  statusNow: Status,
  statusOf: (name: string) => Status,
  mapping: JiraMapping,
): TicketEvent[] {
  const severityChanges: Array<{ at: Date; from: string | null; to: string | null }> = [];
  const statusChanges: Array<{ at: Date; from: string | null; to: string | null }> = [];
  for (const history of byCreated(issue.changelog.histories)) {
    for (const item of history.items) {
      const change = { at: history.created, from: item.fromString ?? null, to: item.toString ?? null };
      if (severityField.matches(item)) severityChanges.push(change);
      else if (item.fieldId === 'status' || (item.fieldId === undefined && fold(item.field) === 'status')) {
        statusChanges.push(change);
      }
    }
  }
  const createdAt = issue.fields.created;
  const severity = (value: string | null) => severityFromValue(value, mapping.severity);
  const status = (value: string | null): Status => (value === null ? 'active' : statusOf(value));

  const [firstSeverity] = severityChanges;
  const [firstStatus] = statusChanges;
  return [
    { at: createdAt, kind: 'severity', to: firstSeverity ? severity(firstSeverity.from) : severityNow },
    ...severityChanges.map((c): TicketEvent => ({ at: c.at, kind: 'severity', to: severity(c.to) })),
    { at: createdAt, kind: 'status', to: firstStatus ? status(firstStatus.from) : statusNow },
    ...statusChanges.map((c): TicketEvent => ({ at: c.at, kind: 'status', to: status(c.to) })),
  ];
}

/** A workaround event each time the workaround label is added. */
function workaroundEvents(issue: JiraIssue, mapping: JiraMapping): TicketEvent[] {
  const label = mapping.workaroundLabel;
  const labelsIn = (value: string | null | undefined): string[] => (value ?? '').split(/\s+/).filter(Boolean);
  const events: TicketEvent[] = [];
  for (const history of byCreated(issue.changelog.histories)) {
    for (const item of history.items) {
      if (item.fieldId !== 'labels' && fold(item.field) !== 'labels') continue;
      if (hasLabel(labelsIn(item.toString), label) && !hasLabel(labelsIn(item.fromString), label)) {
        events.push({ at: history.created, kind: 'workaround' });
      }
    }
  }
  return events;
}

/** Service projects have a customer portal: only internal comments are hidden from customers. */
export function isServiceDeskIssue(issue: JiraIssue): boolean {
  return (
    issue.fields.project?.projectTypeKey === 'service_desk' ||
    issue.fields.comment.comments.some((c) => c.jsdPublic !== undefined)
  );
}

function isInternal(comment: JiraComment): boolean {
  if (comment.jsdPublic === false) return true;
  const property = comment.properties?.find((p) => p.key === 'sd.public.comment');
  const value = property?.value as { internal?: unknown } | undefined;
  return value?.internal === true || value?.internal === 'true';
}

/** Cloud compares accountId; Data Center the user key, else the user name. */
export function sameJiraUser(a: JiraUser | null | undefined, b: JiraUser | null | undefined): boolean {
  if (!a || !b) return false;
  if (a.accountId !== undefined && b.accountId !== undefined) return a.accountId === b.accountId;
  if (a.key !== undefined && b.key !== undefined) return a.key === b.key;
  if (a.name !== undefined && b.name !== undefined) return a.name.toLowerCase() === b.name.toLowerCase();
  return false;
}

function commentText(comment: JiraComment): string {
  const { body } = comment;
  if (body === null || body === undefined) return '';
  return typeof body === 'string' ? body : adfToText(body);
}

/**
 * Public replies and acknowledgements. An acknowledgement counts when only agents could have
 * written it where it is: an internal comment (judged by its internal flag alone — an agent who
 * reported the issue still writes internal notes), or a comment on a project without a customer
 * portal (there every comment is between colleagues) by someone other than the reporter. A public
 * comment is an agent reply only from an author who is neither a customer (`accountType:
 * "customer"`) nor the reporter; a note that counts is not also a customer update.
 */
function commentEvents(issue: JiraIssue, policyRoles: readonly string[] | undefined): TicketEvent[] {
  const { comments } = issue.fields.comment;
  const reporter = issue.fields.reporter;
  const isServiceProject = isServiceDeskIssue(issue);
  const events: TicketEvent[] = [];
  for (const comment of byCreated(comments)) {
    if (!comment.author) continue;
    const internal = isInternal(comment);
    // Customers never see an internal comment, whoever wrote it; a public one by the reporter is theirs.
    if (!internal && sameJiraUser(comment.author, reporter)) continue;
    const note = internal || !isServiceProject ? parseAckNote(commentText(comment), policyRoles) : null;
    if (note) {
      // The note says when the role was told; a claim later than the note itself is capped.
      const at = note.at.getTime() <= comment.created.getTime() ? note.at : comment.created;
      events.push({ at, kind: 'notified', role: note.roleId });
    } else if (!internal && comment.author.accountType !== 'customer') {
      events.push({ at: comment.created, kind: 'publicReply' });
    }
  }
  return events;
}

/** Oldest first; events at the same instant keep their order (the initial value before a change). */
function sortOldestFirst(events: TicketEvent[]): TicketEvent[] {
  return events
    .map((event, index) => ({ event, index }))
    .sort((a, b) => a.event.at.getTime() - b.event.at.getTime() || a.index - b.index)
    .map(({ event }) => event);
}

import { z } from 'zod';
import type { Severity, Status, Ticket, TicketEvent } from '../../engine/types';
import { parseAckNote } from '../ack-note';
import { HelpdeskError } from '../contract';
import { parseOrMalformed } from '../http';
import {
  defaultZendeskMapping,
  officeFromTags,
  severityFromTags,
  statusFromZendesk,
  ZENDESK_STATUSES,
  type ZendeskMapping,
  type ZendeskStatus,
} from './mapping';
import {
  auditSchema,
  organizationSchema,
  ticketSchema,
  userSchema,
  type CommentEvent,
  type FieldEvent,
  type ZendeskAudit,
  type ZendeskTicket,
} from './schemas';
import { agentTicketUrl } from './url';

/**
 * Zendesk API bodies → Ticket (SPEC §3–4). Pure: everything comes in as arguments.
 * Malformed input throws HelpdeskError('malformed') naming the path; never a half-filled ticket.
 */

export interface ZendeskInput {
  /** `ticket` of GET /api/v2/tickets/{id}.json (or one of show_many's `tickets`). */
  ticket: unknown;
  /** `audits` of GET /api/v2/tickets/{id}/audits.json, all pages merged. Absent: no history. */
  audits?: unknown[];
  /**
   * Sideloaded `users` (include=users, completed with users/show_many), needed to tell agents'
   * comments from end users'. A comment whose author is not among them is not counted as an
   * agent reply, and the ticket's `gaps` say so.
   */
  users?: unknown[];
  /** Sideloaded `organizations` (include=organizations): the customer's name. */
  organizations?: unknown[];
}

export function ticketFromZendesk(input: ZendeskInput, mapping: ZendeskMapping = defaultZendeskMapping): Ticket {
  const ticket = parseOrMalformed(ticketSchema, input.ticket, 'ticket');
  const audits = input.audits === undefined ? [] : parseOrMalformed(z.array(auditSchema), input.audits, 'audits');
  const users = input.users === undefined ? undefined : parseOrMalformed(z.array(userSchema), input.users, 'users');
  const organizations =
    input.organizations === undefined ? [] : parseOrMalformed(z.array(organizationSchema), input.organizations, 'organizations');
  const tags = ticket.tags;
  const gaps: string[] = [];
  const history = historyFromAudits(ticket, audits, users, mapping, gaps);
  const organization = organizationName(ticket, organizations, gaps);
  return {
    system: 'zendesk',
    id: String(ticket.id),
    url: agentTicketUrl(ticket.url, ticket.id),
    title: ticket.subject ?? '',
    createdAt: ticket.created_at,
    severity: currentSeverity(ticket, mapping),
    status: statusFromZendesk(ticket.status, mapping),
    office: officeFromTags(tags, mapping.officeTagPrefix),
    workaround: tags.includes(mapping.workaroundTag),
    history,
    organization,
    assignee: ticket.assignee_id == null ? null : String(ticket.assignee_id),
    ...(gaps.length > 0 ? { gaps } : {}),
  };
}

/** The organisation's name from the sideload; one that was not sideloaded is a gap, not a failure. */
function organizationName(ticket: ZendeskTicket, organizations: readonly { id: number; name: string }[], gaps: string[]): string | null {
  const id = ticket.organization_id;
  if (id == null) return null;
  const name = organizations.find((organization) => organization.id === id)?.name.trim();
  if (name) return name;
  gaps.push(`customer organisation ${id}: its name was not returned, so no customer-specific Sales Rep`);
  return null;
}

function currentSeverity(ticket: ZendeskTicket, mapping: ZendeskMapping): Severity | null {
  const source = mapping.severity;
  switch (source.source) {
    case 'priority':
      return ticket.priority === null ? null : (source.values[ticket.priority] ?? null);
    case 'customField': {
      const field = ticket.custom_fields.find((candidate) => candidate.id === source.fieldId);
      return field === undefined ? null : severityFromFieldValue(field.value, source.values);
    }
    case 'tags':
      return severityFromTags(ticket.tags, source.tags);
  }
}

function severityFromFieldValue(value: unknown, values: Readonly<Record<string, Severity>>): Severity | null {
  if (value === null || value === undefined || value === '' || value === false) return null;
  const key = Array.isArray(value) ? value[0] : value;
  return values[String(key)] ?? null;
}

/** A field's value over time, at the instants it was set: Create at creation, then each Change. */
interface Setting {
  at: Date;
  value: unknown;
  path: string;
}

interface Timeline {
  settings: Setting[];
  /** previous_value of the first Change when no Create was seen: the value at creation. */
  initial?: Setting;
}

function historyFromAudits(
  ticket: ZendeskTicket,
  audits: ZendeskAudit[],
  users: z.infer<typeof userSchema>[] | undefined,
  mapping: ZendeskMapping,
  gaps: string[],
): TicketEvent[] {
  const ordered = audits
    .map((audit, index) => ({ audit, index }))
    .sort((a, b) => a.audit.created_at.getTime() - b.audit.created_at.getTime() || a.index - b.index);
  const timelines = new Map<string, Timeline>();
  const events: TicketEvent[] = [];
  const roles = users === undefined ? undefined : new Map(users.map((user) => [user.id, user.role]));
  const unknownAuthors = new Set<number>();

  for (const { audit, index } of ordered) {
    audit.events.forEach((event, eventIndex) => {
      const path = `audits[${index}].events[${eventIndex}]`;
      if (event.type === 'Create' || event.type === 'Change') {
        recordSetting(timelines, event, event.type === 'Create' ? ticket.created_at : audit.created_at, ticket.created_at, path);
      } else if (event.type === 'Comment') {
        const commentEvent = eventFromComment(event, audit.created_at, roles, path, unknownAuthors);
        if (commentEvent) events.push(commentEvent);
      }
    });
  }

  for (const author of unknownAuthors) {
    gaps.push(`comments by user ${author}: Zendesk did not say who that is, so they are not counted as agent replies`);
  }
  events.push(...severityEvents(timelines, mapping));
  events.push(...statusEvents(timelines.get('status'), mapping));
  events.push(...workaroundEvents(timelines.get('tags'), mapping.workaroundTag));
  // Stable: events at the same instant keep the order Zendesk recorded them in.
  return events.map((event, index) => ({ event, index })).sort((a, b) => a.event.at.getTime() - b.event.at.getTime() || a.index - b.index).map(({ event }) => event);
}

function recordSetting(timelines: Map<string, Timeline>, event: FieldEvent, at: Date, createdAt: Date, path: string): void {
  const timeline = timelines.get(event.field_name) ?? { settings: [] };
  timelines.set(event.field_name, timeline);
  if (event.type === 'Change' && timeline.settings.length === 0 && timeline.initial === undefined && event.previous_value !== undefined) {
    timeline.initial = { at: createdAt, value: event.previous_value, path: `${path}.previous_value` };
  }
  timeline.settings.push({ at, value: event.value, path: `${path}.value` });
}

function valuesOf(timeline: Timeline | undefined): Setting[] {
  if (timeline === undefined) return [];
  return timeline.initial ? [timeline.initial, ...timeline.settings] : timeline.settings;
}

/** Keeps only the settings that change the mapped value, so repeated values do not add events. */
function changesOf<T>(settings: Setting[], map: (setting: Setting) => T): Array<{ at: Date; to: T }> {
  const changes: Array<{ at: Date; to: T }> = [];
  for (const setting of settings) {
    const to = map(setting);
    if (changes.length === 0 || changes[changes.length - 1]?.to !== to) changes.push({ at: setting.at, to });
  }
  return changes;
}

function severityEvents(timelines: Map<string, Timeline>, mapping: ZendeskMapping): TicketEvent[] {
  const source = mapping.severity;
  let settings: Setting[];
  let map: (setting: Setting) => Severity | null;
  switch (source.source) {
    case 'priority':
      settings = valuesOf(timelines.get('priority'));
      map = (setting) => {
        const value = priorityValue(setting);
        return value === null ? null : (source.values[value] ?? null);
      };
      break;
    case 'customField':
      settings = valuesOf(timelines.get(String(source.fieldId)));
      map = (setting) => severityFromFieldValue(setting.value, source.values);
      break;
    case 'tags':
      settings = valuesOf(timelines.get('tags'));
      map = (setting) => severityFromTags(tagList(setting), source.tags);
      break;
  }
  return changesOf(settings, map).map(({ at, to }) => ({ at, kind: 'severity', to }));
}

function statusEvents(timeline: Timeline | undefined, mapping: ZendeskMapping): TicketEvent[] {
  return changesOf<Status>(valuesOf(timeline), (setting) => {
    const value = setting.value;
    if (typeof value !== 'string' || !(ZENDESK_STATUSES as readonly string[]).includes(value)) {
      throw new HelpdeskError('malformed', `${setting.path}: expected a status (${ZENDESK_STATUSES.join(', ')})`);
    }
    return statusFromZendesk(value as ZendeskStatus, mapping);
  }).map(({ at, to }) => ({ at, kind: 'status', to }));
}

/** A workaround is given when the tag appears (at creation or later); removing it records nothing. */
function workaroundEvents(timeline: Timeline | undefined, tag: string): TicketEvent[] {
  return changesOf(valuesOf(timeline), (setting) => tagList(setting).includes(tag))
    .filter(({ to }) => to)
    .map(({ at }) => ({ at, kind: 'workaround' }));
}

function priorityValue(setting: Setting): string | null {
  const value = setting.value;
  if (value === null || value === '') return null;
  if (typeof value !== 'string') throw new HelpdeskError('malformed', `${setting.path}: expected a priority name or null`);
  return value;
}

/** Audits carry tag lists as arrays; older events as one space-separated string. */
function tagList(setting: Setting): string[] {
  const value = setting.value;
  if (value === null || value === undefined) return [];
  if (typeof value === 'string') return value.split(/\s+/).filter(Boolean);
  if (Array.isArray(value) && value.every((tag) => typeof tag === 'string')) return value;
  throw new HelpdeskError('malformed', `${setting.path}: expected a list of tags`);
}

function eventFromComment(
  comment: CommentEvent,
  at: Date,
  roles: Map<number, string> | undefined,
  path: string,
  unknownAuthors: Set<number>,
): TicketEvent | null {
  if (roles === undefined) {
    throw new HelpdeskError('malformed', `users: missing, needed to tell who wrote the comment at ${path}`);
  }
  const role = roles.get(comment.author_id);
  if (role === undefined) {
    // Not in the sideload even after users/show_many (a deleted or suspended user): a side-read gap.
    unknownAuthors.add(comment.author_id);
    return null;
  }
  if (role !== 'agent' && role !== 'admin') return null;
  if (comment.public) return { at, kind: 'publicReply' };
  // Only private notes by agents count as team acknowledgements (issue 8).
  const note = parseAckNote(comment.body) ?? (comment.html_body === undefined ? null : parseAckNote(comment.html_body));
  return note === null ? null : { at, kind: 'notified', role: note.roleId };
}

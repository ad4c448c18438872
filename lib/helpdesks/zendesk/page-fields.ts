import type { Severity } from '../../engine/types';
import type { HelpdeskIo } from '../contract';
import { getJson } from '../http';
import { isJsonObject } from '../json-shape';
import type { ZendeskMapping } from './mapping';
import { severityFromTags, statusFromZendesk, ZENDESK_STATUSES, type ZendeskStatus } from './mapping-rules';

/**
 * The page read's first source (issue 13): when the full read (ticket, audits, users, SLA) failed,
 * one light request for the ticket's own fields, `GET /api/v2/tickets/{id}.json` without
 * sideloads. Its `created_at`, `status` and `priority` are the helpdesk's own values, in no
 * language, so the page's words are needed only for what this request could not give. Read
 * by hand (no zod in pages): a field of an unexpected shape is simply not taken.
 */


export async function fetchZendeskFields(id: string, io: HelpdeskIo): Promise<unknown> {
  if (!/^\d+$/.test(id)) return null;
  // One attempt: the full read has already retried.
  const body = await getJson(`/api/v2/tickets/${id}.json`, io, { retries: 0 });
  return isJsonObject(body) ? body.ticket : null;
}

/** What the ticket's REST fields tell, each only when present in the expected shape. */
export interface ZendeskRestFacts {
  title?: string;
  createdAt?: Date;
  status?: ReturnType<typeof statusFromZendesk>;
  /** Present when the mapping's source was in the body (null: the ticket has no severity). */
  severity?: Severity | null;
  tags?: string[];
}

const own = (values: Readonly<Record<string, Severity>>, key: string): Severity | null => (Object.hasOwn(values, key) ? (values[key] ?? null) : null);

const isStatus = (value: unknown): value is ZendeskStatus => typeof value === 'string' && (ZENDESK_STATUSES as readonly string[]).includes(value);

export function zendeskRestFacts(ticket: unknown, mapping: ZendeskMapping): ZendeskRestFacts {
  if (!isJsonObject(ticket)) return {};
  const facts: ZendeskRestFacts = {};
  if (typeof ticket.subject === 'string') facts.title = ticket.subject;
  const created = typeof ticket.created_at === 'string' ? Date.parse(ticket.created_at) : Number.NaN;
  if (!Number.isNaN(created)) facts.createdAt = new Date(created);
  if (isStatus(ticket.status)) facts.status = statusFromZendesk(ticket.status, mapping);
  const tags = Array.isArray(ticket.tags) && ticket.tags.every((tag) => typeof tag === 'string') ? (ticket.tags as string[]) : undefined;
  if (tags) facts.tags = tags;
  const source = mapping.severity;
  if (source.source === 'priority' && (ticket.priority === null || typeof ticket.priority === 'string')) {
    facts.severity = ticket.priority === null ? null : own(source.values, ticket.priority);
  } else if (source.source === 'tags' && tags) {
    facts.severity = severityFromTags(tags, source.tags);
  } else if (source.source === 'customField' && Array.isArray(ticket.custom_fields)) {
    const field = ticket.custom_fields.find((candidate) => isJsonObject(candidate) && candidate.id === source.fieldId);
    if (isJsonObject(field)) {
      const value = Array.isArray(field.value) ? field.value[0] : field.value;
      facts.severity = value === null || value === undefined || value === '' || value === false ? null : own(source.values, String(value));
    }
  }
  return facts;
}

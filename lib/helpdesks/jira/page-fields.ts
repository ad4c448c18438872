import type { Severity, Status } from '../../engine/types';
import type { HelpdeskIo } from '../contract';
import { getJson } from '../http';
import { isJsonObject } from '../json-shape';
import { parseJiraInstant } from './instant';
import type { JiraMapping } from './mapping';
import { severityFromValue, statusFromJira } from './mapping-rules';
import { apiVersionFor, assertIssueKey, issuePath, restUrl } from './rest-paths';

/**
 * The page read's first source (issue 13): when the full read (changelog, comments, SLA) failed,
 * one light request for the issue's own fields, `GET /rest/api/{3|2}/issue/{key}?fields=…`
 * without changelog. `fields.created` is an ISO instant and `status.statusCategory.key` a key in
 * no language, where Cloud's issue view shows only localized text ("25 mars 2026 à 10:56":
 * test/fixtures/jira/SOURCES.md). Read by hand (no zod in pages): a field of an unexpected shape
 * is not taken.
 */

const CUSTOM_FIELD_ID = /^customfield_\d+$/;

export async function fetchJiraFields(id: string, io: HelpdeskIo, mapping: JiraMapping): Promise<unknown> {
  const source = mapping.severity;
  const byId = source.source === 'field' && CUSTOM_FIELD_ID.test(source.field) ? `,${source.field}` : '';
  const url = restUrl(io, issuePath(apiVersionFor(io, mapping), assertIssueKey(id)), { fields: `summary,created,status,priority,labels${byId}` });
  // One attempt: the full read has already retried.
  const body = await getJson(url, io, { retries: 0 });
  return isJsonObject(body) ? body.fields : null;
}

export interface JiraRestFacts {
  title?: string;
  createdAt?: Date;
  status?: Status;
  /** Present when the mapping's source was in the body (null: the issue has no severity). */
  severity?: Severity | null;
  labels?: string[];
}

const nameOf = (value: unknown): string | null => {
  if (typeof value === 'string') return value;
  const first = Array.isArray(value) ? value[0] : value;
  if (!isJsonObject(first)) return null;
  const name = first.value ?? first.name;
  return typeof name === 'string' ? name : null;
};

export function jiraRestFacts(fields: unknown, mapping: JiraMapping): JiraRestFacts {
  if (!isJsonObject(fields)) return {};
  const facts: JiraRestFacts = {};
  if (typeof fields.summary === 'string') facts.title = fields.summary;
  const created = typeof fields.created === 'string' ? parseJiraInstant(fields.created) : null;
  if (created) facts.createdAt = created;
  const status = fields.status;
  if (isJsonObject(status) && typeof status.name === 'string') {
    const category = isJsonObject(status.statusCategory) && typeof status.statusCategory.key === 'string' ? status.statusCategory.key : undefined;
    facts.status = statusFromJira(status.name, category, mapping);
  }
  if (Array.isArray(fields.labels) && fields.labels.every((label) => typeof label === 'string')) facts.labels = fields.labels as string[];
  const source = mapping.severity;
  const key = source.source === 'priority' ? 'priority' : CUSTOM_FIELD_ID.test(source.field) ? source.field : null;
  if (key !== null && key in fields) facts.severity = severityFromValue(nameOf(fields[key]), source);
  return facts;
}

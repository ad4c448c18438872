import { HelpdeskError, type HelpdeskIo } from '../contract';
import { issueKeyFrom, isCloudHost } from './url';
import type { JiraMapping } from './mapping';

/**
 * Where Jira's REST resources live for a site. `io.origin` may carry a Data Center context path
 * (`https://jira.corp.example/jira`): every path hangs off it.
 */

export type JiraApiVersion = 2 | 3;

export function siteBase(io: Pick<HelpdeskIo, 'origin'>): string {
  return io.origin.replace(/\/+$/, '');
}

/** 'auto': Cloud speaks v3 (ADF bodies, token search); Data Center and Server only v2. */
export function apiVersionFor(io: Pick<HelpdeskIo, 'origin'>, mapping: JiraMapping): JiraApiVersion {
  if (mapping.apiVersion !== 'auto') return mapping.apiVersion;
  return isCloudHost(new URL(io.origin).hostname) ? 3 : 2;
}

export function restUrl(io: Pick<HelpdeskIo, 'origin'>, path: string, query: Record<string, string | number | undefined> = {}): string {
  const url = new URL(`${siteBase(io)}${path}`);
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined) url.searchParams.set(name, String(value));
  }
  return url.href;
}

export function issuePath(version: JiraApiVersion, key: string, rest = ''): string {
  return `/rest/api/${version}/issue/${encodeURIComponent(key)}${rest}`;
}

/** Fields the mapper reads by their system ids. */
const ISSUE_FIELDS = ['summary', 'created', 'updated', 'priority', 'status', 'labels', 'reporter', 'assignee', 'comment', 'project'];

/**
 * The fields to ask for. JSM's "Organizations" is a custom field whose id differs per site, found
 * by its name in `names` (expand=names names only the fields returned), so the navigable fields
 * come too; they also hold a severity custom field named rather than given by id.
 */
export function issueFieldsParam(mapping: JiraMapping): string {
  const source = mapping.severity;
  const byId = source.source === 'field' && /^customfield_\d+$/.test(source.field) ? [source.field] : [];
  return [...ISSUE_FIELDS, ...byId, '*navigable'].join(',');
}

/** Keys go into paths and JQL: anything that is not a key is refused rather than quoted. */
export function assertIssueKey(id: string): string {
  const key = issueKeyFrom(id);
  if (key === null) throw new HelpdeskError('malformed', `not a Jira issue key: ${JSON.stringify(id)}`);
  return key;
}

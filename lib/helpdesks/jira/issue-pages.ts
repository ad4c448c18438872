import { HelpdeskError, type HelpdeskIo } from '../contract';
import { getJson } from '../http';
import { countAt, isJsonObject, listAt, objectAt, textAt, uniqueById, type JsonObject } from '../json-shape';
import { issuePath, restUrl, type JiraApiVersion } from './rest-paths';

/**
 * An issue body holds only the first page of its comments and changelog. These read the rest and
 * merge them into the body, so the mapper sees everything (it rejects partial bodies). They run
 * in the page, on the raw JSON: only the counts and lists that paging needs are read here; the
 * background parses the whole issue.
 */

const PAGE_SIZE = 100;
/** A guard against a server that keeps answering: 200 pages is 20,000 comments or changes. */
const MAX_PAGES = 200;

export async function completeIssue(issue: JsonObject, version: JiraApiVersion, io: HelpdeskIo): Promise<JsonObject> {
  const key = textAt(issue.key, 'issue.key');
  const fields = objectAt(issue.fields, `${key}: fields`);
  const comment = objectAt(fields.comment, `${key}: fields.comment`);
  const changelog = objectAt(issue.changelog, `${key}: changelog`);
  const [comments, histories] = await Promise.all([
    allComments(key, fields, comment, version, io),
    allHistories(key, changelog, version, io),
  ]);
  return {
    ...issue,
    fields: { ...fields, comment: { ...comment, comments, startAt: 0, maxResults: comments.length, total: comments.length } },
    changelog: { ...changelog, startAt: 0, maxResults: histories.length, total: histories.length, histories },
  };
}

/**
 * Data Center service desks mark internal comments only with the `sd.public.comment` property,
 * which the issue body leaves out: there every comment is re-read with `expand=properties`.
 */
function needsCommentProperties(fields: JsonObject, comments: readonly unknown[], version: JiraApiVersion): boolean {
  const projectType = isJsonObject(fields.project) ? fields.project.projectTypeKey : undefined;
  return (
    version === 2 &&
    projectType === 'service_desk' &&
    comments.length > 0 &&
    comments.every((c) => isJsonObject(c) && c.jsdPublic === undefined && c.properties === undefined)
  );
}

async function allComments(key: string, fields: JsonObject, page: JsonObject, version: JiraApiVersion, io: HelpdeskIo): Promise<unknown[]> {
  const first = listAt(page.comments, `${key}: fields.comment.comments`);
  const total = countAt(page.total, `${key}: fields.comment.total`);
  const refetch = needsCommentProperties(fields, first, version);
  if (!refetch && total <= first.length) return first;
  const collected = refetch ? [] : [...first];
  for (let pages = 0; pages < MAX_PAGES; pages++) {
    const next = objectAt(
      await getJson(
        restUrl(io, issuePath(version, key, '/comment'), {
          startAt: collected.length,
          maxResults: PAGE_SIZE,
          expand: refetch ? 'properties' : undefined,
        }),
        io,
      ),
      `${key}: comment page`,
    );
    const comments = listAt(next.comments, `${key}: comment page comments`);
    collected.push(...comments);
    if (comments.length === 0 || collected.length >= countAt(next.total, `${key}: comment page total`)) break;
  }
  return uniqueById(collected);
}

/**
 * Issue search caps the embedded changelog (40 histories an issue reported on Cloud's
 * `/search/jql`, 100 on older search) and may leave `total` out. So the embedded changelog counts as
 * complete only when a `total` says so, or when it holds fewer histories than any cap. Otherwise
 * the whole history is re-read from the start through the paged changelog resource.
 */
export const SEARCH_CHANGELOG_CAP = 40;

function embeddedChangelogComplete(key: string, changelog: JsonObject, histories: readonly unknown[]): boolean {
  if (changelog.total !== undefined) return countAt(changelog.total, `${key}: changelog.total`) <= histories.length;
  return histories.length < SEARCH_CHANGELOG_CAP;
}

async function allHistories(key: string, changelog: JsonObject, version: JiraApiVersion, io: HelpdeskIo): Promise<unknown[]> {
  const histories = listAt(changelog.histories, `${key}: changelog.histories`);
  if (embeddedChangelogComplete(key, changelog, histories)) return histories;
  try {
    return await pagedHistories(key, version, io);
  } catch (error) {
    // Older Data Center has no changelog resource; its issue body carries the whole changelog.
    if (version === 2 && changelog.total === undefined && error instanceof HelpdeskError && error.kind === 'notFound') return histories;
    throw error;
  }
}

async function pagedHistories(key: string, version: JiraApiVersion, io: HelpdeskIo): Promise<unknown[]> {
  const collected: unknown[] = [];
  for (let pages = 0; pages < MAX_PAGES; pages++) {
    const next = objectAt(
      await getJson(restUrl(io, issuePath(version, key, '/changelog'), { startAt: collected.length, maxResults: PAGE_SIZE }), io),
      `${key}: changelog page`,
    );
    const values = listAt(next.values, `${key}: changelog page values`);
    collected.push(...values);
    // `isLast` or `total` end the paging when given; an empty page always does.
    const total = next.total === undefined ? null : countAt(next.total, `${key}: changelog page total`);
    if (values.length === 0 || next.isLast === true || (total !== null && collected.length >= total)) break;
    if (next.isLast === undefined && total === null && values.length < countAt(next.maxResults ?? PAGE_SIZE, `${key}: changelog page maxResults`)) break;
  }
  return uniqueById(collected);
}

/** Service projects have a customer portal (and JSM SLAs); read from the raw issue. */
export function isServiceDeskRaw(issue: JsonObject): boolean {
  const fields = isJsonObject(issue.fields) ? issue.fields : {};
  const project = isJsonObject(fields.project) ? fields.project : {};
  const comments = isJsonObject(fields.comment) && Array.isArray(fields.comment.comments) ? fields.comment.comments : [];
  return project.projectTypeKey === 'service_desk' || comments.some((c) => isJsonObject(c) && c.jsdPublic !== undefined);
}

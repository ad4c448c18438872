import { getJson } from '../http';
import type { HelpdeskIo } from '../contract';
import { issuePath, restUrl, type JiraApiVersion } from './rest-paths';
import {
  jiraChangelogPageSchema,
  jiraCommentPageSchema,
  type JiraComment,
  type JiraHistory,
  type JiraIssue,
} from './schemas';

/**
 * An issue body holds only the first page of its comments and changelog. These fetch the rest so
 * the mapper sees everything (it rejects partial bodies).
 */

const PAGE_SIZE = 100;
/** A guard against a server that keeps answering: 200 pages is 20,000 comments or changes. */
const MAX_PAGES = 200;

export async function completeIssue(issue: JiraIssue, version: JiraApiVersion, io: HelpdeskIo): Promise<JiraIssue> {
  const [comments, histories] = await Promise.all([allComments(issue, version, io), allHistories(issue, version, io)]);
  return {
    ...issue,
    fields: {
      ...issue.fields,
      comment: { comments, startAt: 0, maxResults: comments.length, total: comments.length },
    },
    changelog: { startAt: 0, maxResults: histories.length, total: histories.length, histories },
  };
}

function byId<T extends { id: string }>(items: readonly T[]): T[] {
  return [...new Map(items.map((item) => [item.id, item])).values()];
}

/**
 * Data Center service desks mark internal comments only with the `sd.public.comment` property,
 * which the issue body leaves out: there every comment is re-read with `expand=properties`.
 */
function needsCommentProperties(issue: JiraIssue, version: JiraApiVersion): boolean {
  const { comments } = issue.fields.comment;
  return (
    version === 2 &&
    issue.fields.project?.projectTypeKey === 'service_desk' &&
    comments.length > 0 &&
    comments.every((c) => c.jsdPublic === undefined && c.properties === undefined)
  );
}

async function allComments(issue: JiraIssue, version: JiraApiVersion, io: HelpdeskIo): Promise<JiraComment[]> {
  const page = issue.fields.comment;
  const refetch = needsCommentProperties(issue, version);
  if (!refetch && page.total <= page.comments.length) return page.comments;
  const collected = refetch ? [] : [...page.comments];
  for (let pages = 0; pages < MAX_PAGES; pages++) {
    const next = await getJson(
      restUrl(io, issuePath(version, issue.key, '/comment'), {
        startAt: collected.length,
        maxResults: PAGE_SIZE,
        expand: refetch ? 'properties' : undefined,
      }),
      io,
      { schema: jiraCommentPageSchema },
    );
    collected.push(...next.comments);
    if (next.comments.length === 0 || collected.length >= next.total) break;
  }
  return byId(collected);
}

/**
 * Cloud's embedded changelog may be any slice of the history, so when it is partial the whole
 * history is re-read from the start through the paged changelog resource.
 */
async function allHistories(issue: JiraIssue, version: JiraApiVersion, io: HelpdeskIo): Promise<JiraHistory[]> {
  const { changelog } = issue;
  if (changelog.total === undefined || changelog.total <= changelog.histories.length) return changelog.histories;
  const collected: JiraHistory[] = [];
  for (let pages = 0; pages < MAX_PAGES; pages++) {
    const next = await getJson(
      restUrl(io, issuePath(version, issue.key, '/changelog'), { startAt: collected.length, maxResults: PAGE_SIZE }),
      io,
      { schema: jiraChangelogPageSchema },
    );
    collected.push(...next.values);
    if (next.values.length === 0 || next.isLast === true || collected.length >= next.total) break;
  }
  return byId(collected);
}

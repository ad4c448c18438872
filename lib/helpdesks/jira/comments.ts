import { HelpdeskError, type HelpdeskIo } from '../contract';
import { sendJson } from '../http';
import { textToAdf } from './adf-write';
import type { JiraMapping } from './mapping';
import { apiVersionFor, assertIssueKey, issuePath, restUrl } from './rest-paths';

/** Comments written by the page (acknowledgement notes): only it holds the agent's session. */

export interface WriteCommentOptions {
  /** Internal comment (service projects): hidden from the customer portal. */
  internal: boolean;
  /**
   * Data Center's `meta[name="atlassian-token"]`, when the page has one. Not sent: a JSON REST
   * call is not form-encoded, so Jira's form-token (XSRF) check does not apply to it and the
   * `X-Atlassian-Token: no-check` header is what it looks for — a session token never rides in a
   * URL (logs, Referer). Sources: https://developer.atlassian.com/server/jira/platform/form-token-handling/
   * ("REST API end points will not be affected unless they use form encoding"),
   * https://support.atlassian.com/atlassian-cloud/kb/xsrf-check-failed-when-calling-cloud-apis
   */
  atlassianToken?: string | null;
}

/**
 * Adds a comment, e.g. an acknowledgement note. Never retried (see sendJson). Internal comments
 * use the `sd.public.comment` property, which Cloud and Data Center service desks both honour.
 */
export async function writeJiraComment(
  id: string,
  text: string,
  io: HelpdeskIo,
  mapping: JiraMapping,
  options: WriteCommentOptions,
): Promise<{ id: string }> {
  const key = assertIssueKey(id);
  const version = apiVersionFor(io, mapping);
  const body: Record<string, unknown> = { body: version === 3 ? textToAdf(text) : text };
  if (options.internal) body.properties = [{ key: 'sd.public.comment', value: { internal: true } }];
  const url = restUrl(io, issuePath(version, key, '/comment'));
  const created = await sendJson('POST', url, body, io, { 'X-Atlassian-Token': 'no-check' });
  const commentId = (created as { id?: unknown } | null)?.id;
  if (typeof commentId !== 'string') {
    throw new HelpdeskError('malformed', `${issuePath(version, key, '/comment')}: the created comment has no id`);
  }
  return { id: commentId };
}

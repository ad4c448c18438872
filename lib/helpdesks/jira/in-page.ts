import type { HelpdeskInPage, HelpdeskIo } from '../contract';
import { currentUserOnce, withCurrentUser } from '../current-user';
import { getJson } from '../http';
import { isJsonObject } from '../json-shape';
import { apiVersionFor, restUrl } from './rest-paths';
import { findBadgeAnchor, readListRows, readTicketFromPage, siteBaseOfPage } from './dom';
import type { JiraMapping } from './mapping';
import { fetchJiraFields } from './page-fields';
import { fetchRawIssue, fetchRawIssues } from './rest-reads';
import { parsePage } from './url';

/**
 * The half of Jira that runs in its pages: no zod, no engine (see contract.ts). REST lives under
 * the site base the page declares, so Data Center sites with a context path work.
 */
export const jiraInPage: HelpdeskInPage<JiraMapping> = {
  system: 'jira',
  parsePage,
  restBase: siteBaseOfPage,
  fetchRawTicket: (id, io, mapping) => withCurrentUser(fetchRawIssue(id, io, mapping), currentUserOnce(io, (at) => jiraMe(at, mapping))),
  fetchRawTickets: fetchRawIssues,
  fetchRawFields: fetchJiraFields,
  readTicketFromPage,
  readListRows,
  findBadgeAnchor,
};

/** `GET /rest/api/{3|2}/myself`: Cloud `accountId`, Data Center `key` else `name` (as the assignee is compared). */
async function jiraMe(io: HelpdeskIo, mapping: JiraMapping): Promise<string | null> {
  const body = await getJson(restUrl(io, `/rest/api/${apiVersionFor(io, mapping)}/myself`), io);
  if (!isJsonObject(body)) return null;
  const id = body.accountId ?? body.key ?? body.name;
  return typeof id === 'string' && id !== '' ? id : null;
}

import type { Helpdesk } from '../contract';
import { fetchJiraTicket, fetchManyJiraTickets } from './api';
import { jiraInPage } from './in-page';
import { jiraMappingDefaults, parseJiraMapping, type JiraMapping } from './mapping';
import { fetchedFromJiraRaw } from './raw-parse';

/** Jira Cloud, Jira Service Management and Data Center: both halves of the helpdesk contract. */
export const jira: Helpdesk<JiraMapping> = {
  ...jiraInPage,
  mappingFrom: (stored) => (stored == null ? jiraMappingDefaults : parseJiraMapping(stored)),
  fetchedFromRaw: fetchedFromJiraRaw,
  fetchTicket: fetchJiraTicket,
  fetchMany: fetchManyJiraTickets,
};

export { jiraInPage } from './in-page';
export { writeJiraComment, type WriteCommentOptions } from './comments';
export type { JiraFetchedTicket } from './raw-parse';
export { readAtlassianToken, readContextPath, siteBaseOfPage } from './dom';
export { jiraMappingDefaults, jiraMappingSchema, parseJiraMapping, type JiraMapping } from './mapping';
export { ticketFromJira } from './map';
export { issueUrl, siteBaseOf } from './url';

import type { Helpdesk } from '../contract';
import { fetchJiraTicket, fetchManyJiraTickets } from './api';
import { findBadgeAnchor, readListRows, readTicketFromPage } from './dom';
import type { JiraMapping } from './mapping';
import { parsePage } from './url';

/** Jira Cloud, Jira Service Management and Data Center behind the one helpdesk contract. */
export const jira: Helpdesk<JiraMapping> = {
  system: 'jira',
  parsePage,
  fetchTicket: fetchJiraTicket,
  fetchMany: fetchManyJiraTickets,
  readTicketFromPage,
  readListRows,
  findBadgeAnchor,
};

export { writeJiraComment, type JiraFetchedTicket, type WriteCommentOptions } from './api';
export { readAtlassianToken, readContextPath, siteBaseOfPage } from './dom';
export { jiraMappingDefaults, jiraMappingSchema, parseJiraMapping, type JiraMapping } from './mapping';
export { ticketFromJira } from './map';
export { issueUrl, siteBaseOf } from './url';

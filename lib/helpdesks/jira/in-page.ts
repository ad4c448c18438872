import type { HelpdeskInPage } from '../contract';
import { findBadgeAnchor, readListRows, readTicketFromPage, siteBaseOfPage } from './dom';
import type { JiraMapping } from './mapping';
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
  fetchRawTicket: fetchRawIssue,
  fetchRawTickets: fetchRawIssues,
  readTicketFromPage,
  readListRows,
  findBadgeAnchor,
};

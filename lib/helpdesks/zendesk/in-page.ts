import type { HelpdeskInPage } from '../contract';
import { findBadgeAnchor, readListRows, readTicketFromPage } from './dom';
import type { ZendeskMapping } from './mapping';
import { fetchRawTicket, fetchRawTickets } from './rest-reads';
import { parsePage } from './url';

/** The half of Zendesk that runs in the Agent Workspace: no zod, no engine (see contract.ts). */
export const zendeskInPage: HelpdeskInPage<ZendeskMapping> = {
  system: 'zendesk',
  parsePage,
  restBase: (_doc, url) => url.origin,
  fetchRawTicket: (id, io) => fetchRawTicket(id, io),
  fetchRawTickets: (ids, io) => fetchRawTickets(ids, io),
  readTicketFromPage,
  readListRows,
  findBadgeAnchor,
};

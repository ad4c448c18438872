import type { Helpdesk } from '../contract';
import { fetchMany, fetchTicket } from './api';
import { findBadgeAnchor, readListRows, readTicketFromPage } from './dom';
import type { ZendeskMapping } from './mapping';
import { parsePage } from './url';

/** Zendesk Support / Agent Workspace, behind the one helpdesk contract. */
export const zendesk: Helpdesk<ZendeskMapping> = {
  system: 'zendesk',
  parsePage,
  fetchTicket,
  fetchMany,
  readTicketFromPage,
  readListRows,
  findBadgeAnchor,
};

export { writeAckNote, writeInternalNote } from './api';
export { readPageTicket, type PageTicket } from './dom';
export { ticketFromZendesk } from './map';
export {
  defaultZendeskMapping,
  parseZendeskMapping,
  zendeskMappingSchema,
  ZendeskMappingError,
  type ZendeskMapping,
  type ZendeskMappingInput,
} from './mapping';
export { agentTicketUrl } from './url';

import type { Helpdesk } from '../contract';
import { fetchMany, fetchTicket } from './api';
import { zendeskInPage } from './in-page';
import { defaultZendeskMapping, parseZendeskMapping, type ZendeskMapping } from './mapping';
import { fetchedFromZendeskRaw } from './raw-parse';

/** Zendesk Support / Agent Workspace, both halves of the helpdesk contract (background and tests). */
export const zendesk: Helpdesk<ZendeskMapping> = {
  ...zendeskInPage,
  mappingFrom: (stored) => (stored == null ? defaultZendeskMapping : parseZendeskMapping(stored)),
  fetchedFromRaw: fetchedFromZendeskRaw,
  fetchTicket,
  fetchMany,
};

export { zendeskInPage } from './in-page';
export { writeAckNote, writeInternalNote } from './notes';
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

import type { HelpdeskInPage, HelpdeskIo } from '../contract';
import { currentUserOnce, withCurrentUser } from '../current-user';
import { getJson } from '../http';
import { isJsonObject } from '../json-shape';
import { findBadgeAnchor, readListRows, readTicketFromPage } from './dom';
import type { ZendeskMapping } from './mapping';
import { fetchZendeskFields } from './page-fields';
import { fetchRawTicket, fetchRawTickets } from './rest-reads';
import { parsePage } from './url';

/** The half of Zendesk that runs in the Agent Workspace: no zod, no engine (see contract.ts). */
export const zendeskInPage: HelpdeskInPage<ZendeskMapping> = {
  system: 'zendesk',
  parsePage,
  restBase: (_doc, url) => url.origin,
  fetchRawTicket: (id, io) => withCurrentUser(fetchRawTicket(id, io), currentUserOnce(io, zendeskMe)),
  fetchRawTickets: (ids, io) => fetchRawTickets(ids, io),
  fetchRawFields: (id, io) => fetchZendeskFields(id, io),
  readTicketFromPage,
  readListRows,
  findBadgeAnchor,
};

/** `GET /api/v2/users/me.json` → `user.id`: the engineer, for "Mine" (compared with `assignee_id`). */
async function zendeskMe(io: HelpdeskIo): Promise<string | null> {
  const body = await getJson('/api/v2/users/me.json', io);
  const user = isJsonObject(body) ? body.user : undefined;
  return isJsonObject(user) && typeof user.id === 'number' ? String(user.id) : null;
}

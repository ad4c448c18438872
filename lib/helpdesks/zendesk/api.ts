import type { FetchedTicket, HelpdeskIo } from '../contract';
import type { ZendeskMapping } from './mapping';
import { fetchedFromZendeskRaw } from './raw-parse';
import { fetchRawTicket, fetchRawTickets } from './rest-reads';

/**
 * Zendesk REST read and parsed in one go, for the background's own refresh and for tests: the
 * page's reads (rest-reads.ts) followed by the background's parsing (raw-parse.ts).
 */

export async function fetchTicket(id: string, io: HelpdeskIo, mapping: ZendeskMapping): Promise<FetchedTicket> {
  const read = await fetchRawTicket(id, io);
  return fetchedFromZendeskRaw(read.raw, mapping, io.now?.() ?? new Date());
}

/** For list views: ≤100 tickets a call, without history (Ticket.history is empty). */
export async function fetchMany(ids: string[], io: HelpdeskIo, mapping: ZendeskMapping): Promise<FetchedTicket[]> {
  const reads = await fetchRawTickets(ids, io);
  const now = io.now?.() ?? new Date();
  return reads.map((read, index) => fetchedFromZendeskRaw(read.raw, mapping, now, `tickets[${index}]`));
}

export { SHOW_MANY_LIMIT } from './rest-reads';
export { writeAckNote, writeInternalNote } from './notes';

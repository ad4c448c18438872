import type { TicketRef } from '../messages/protocol';
import type { SenderKind } from '../messages/sender';
import { ticketKeyAt, type WatchedStore } from '../storage/watched-ticket-schema';

/**
 * The store key a message's ticket reference means. A helpdesk page only ever reaches tickets
 * of its own origin (whatever origin it names); an extension page names the origin, or, when it
 * does not, the one watched ticket with that system and id.
 */
export function keyOfRef(store: WatchedStore, ref: TicketRef, sender: SenderKind): string {
  const origin = sender.kind === 'content' ? sender.origin : ref.origin;
  if (origin !== undefined) return ticketKeyAt(origin, ref);
  const matches = Object.entries(store).filter(([, entry]) => entry.ticket.system === ref.system && entry.ticket.id === ref.id);
  const [only] = matches;
  if (matches.length > 1) {
    throw new Error(`ticket ${ref.system}:${ref.id} is watched on ${matches.length} sites (${matches.map(([, e]) => e.origin).join(', ')}); name its origin`);
  }
  return only ? only[0] : `${ref.system}:${ref.id}`;
}

import type { HelpdeskIo, RawTicketRead } from './contract';

/**
 * Who the engineer is at this helpdesk, read once per page and origin and sent along with a
 * ticket read (`raw.me`), so the popup's "Mine" knows without being configured. A side read: a
 * failure leaves it out and never fails the ticket. Page half: no zod.
 */

const cache = new Map<string, Promise<string | null>>();

export function currentUserOnce(io: HelpdeskIo, read: (io: HelpdeskIo) => Promise<string | null>): Promise<string | null> {
  let known = cache.get(io.origin);
  if (!known) {
    known = read(io).catch(() => null);
    cache.set(io.origin, known);
  }
  return known;
}

/** A ticket read with `raw.me` added when the current user is known. */
export async function withCurrentUser(reading: Promise<RawTicketRead>, me: Promise<string | null>): Promise<RawTicketRead> {
  const [read, id] = await Promise.all([reading, me]);
  return id === null ? read : { ...read, raw: { ...read.raw, me: id } };
}

/** For tests: forget what was learned. */
export function forgetCurrentUsers(): void {
  cache.clear();
}

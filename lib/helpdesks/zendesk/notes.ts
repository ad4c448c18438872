import { formatAckNote, type AckNote } from '../ack-note';
import { HelpdeskError, type HelpdeskIo } from '../contract';
import { getJson, sendJson } from '../http';
import { objectAt } from '../json-shape';
import { checkedId } from './rest-reads';

/**
 * Internal notes, written by the page: only it holds the agent's session. Zendesk wants the
 * session's CSRF token, read from users/me.
 */

export async function writeInternalNote(id: string, body: string, io: HelpdeskIo): Promise<void> {
  const ticketId = checkedId(id);
  const me = objectAt(objectAt(await getJson('/api/v2/users/me.json', io), 'users/me body').user, 'user');
  const token = me.authenticity_token;
  if (typeof token !== 'string' || token === '') {
    throw new HelpdeskError('malformed', `user.authenticity_token: ${token === undefined ? 'missing, expected' : 'expected'} a CSRF token`);
  }
  await sendJson('PUT', `/api/v2/tickets/${ticketId}.json`, { ticket: { comment: { body, public: false } } }, io, {
    'X-CSRF-Token': token,
  });
}

/** "Mark notified" on the ticket itself (issue 8): the note every teammate's extension reads back. */
export function writeAckNote(id: string, note: AckNote, io: HelpdeskIo): Promise<void> {
  return writeInternalNote(id, formatAckNote(note), io);
}

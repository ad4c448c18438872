import type { HelpdeskSystem } from '../engine/types';
import type { AckNote } from '../helpdesks/ack-note';
import type { HelpdeskIo } from '../helpdesks/contract';
import type { ContentMessage } from '../messages/protocol';
import type { RecordAcknowledgementReply } from '../messages/responses';
import { isContentMessage, parseContentMessage } from './content-messages';

/** Writes an acknowledgement note through this helpdesk's API with the page's own session. */
export type AckNoteWriter = (ticketId: string, note: AckNote, io: HelpdeskIo) => Promise<void>;

/**
 * The background asks a helpdesk tab to write "notified" notes (issue 8): only a page of that
 * helpdesk holds the session and CSRF token. Returns undefined for messages that are not ours,
 * so other listeners can answer them.
 */
export async function recordAcknowledgement(
  raw: unknown,
  system: HelpdeskSystem,
  write: AckNoteWriter,
  io: HelpdeskIo,
): Promise<RecordAcknowledgementReply | undefined> {
  if (!isContentMessage(raw) || (raw as { type: unknown }).type === 'content:ticket-changed') return undefined;
  let message: ContentMessage;
  try {
    message = parseContentMessage(raw);
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  if (message.type !== 'content:record-acknowledgement' || message.ticket.system !== system) return undefined;
  try {
    await write(
      message.ticket.id,
      {
        roleId: message.role,
        roleName: message.roleName,
        level: message.level,
        at: new Date(message.at),
        person: message.person,
        channel: message.channel,
      },
      io,
    );
    return { ok: true };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

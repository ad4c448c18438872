import { readContentMessage, type ContentMessage } from '../messages/content-message';

/** Messages the background sends a helpdesk page: the one reader is lib/messages/content-message.ts. */

export function isContentMessage(raw: unknown): boolean {
  return typeof raw === 'object' && raw !== null && 'type' in raw && String(raw.type).startsWith('content:');
}

export function parseContentMessage(raw: unknown): ContentMessage {
  return readContentMessage(raw);
}

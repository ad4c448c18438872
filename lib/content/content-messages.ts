import type { ContentMessage } from '../messages/protocol';
import { fields, number, object, oneOf, ReplyShapeError, text } from './reply-shapes';

/**
 * Messages the background sends a helpdesk page, checked by hand (pages carry no zod): a
 * malformed one is refused naming the path. Anything not of type `content:*` is not ours.
 */

const ticketRef = fields({ system: oneOf(['zendesk', 'jira'] as const), id: text });

const optionalText = (value: unknown, path: string): string | undefined => (value === undefined ? undefined : nonEmpty(value, path));

function nonEmpty(value: unknown, path: string): string {
  const read = text(value, path);
  if (read === '') throw new ReplyShapeError(`${path}: expected a non-empty string`);
  return read;
}

function positiveLevel(value: unknown, path: string): number {
  const level = number(value, path);
  if (!Number.isInteger(level) || level < 1) throw new ReplyShapeError(`${path}: expected a level of 1 or more`);
  return level;
}

function isoInstant(value: unknown, path: string): string {
  const at = text(value, path);
  if (Number.isNaN(Date.parse(at))) throw new ReplyShapeError(`${path}: expected an ISO date-time`);
  return at;
}

export function isContentMessage(raw: unknown): boolean {
  return typeof raw === 'object' && raw !== null && 'type' in raw && String(raw.type).startsWith('content:');
}

export function parseContentMessage(raw: unknown): ContentMessage {
  const message = object(raw, 'message');
  const ticket = ticketRef(message.ticket, 'ticket');
  if (message.type === 'content:ticket-changed') return { type: 'content:ticket-changed', ticket };
  if (message.type !== 'content:record-acknowledgement') throw new ReplyShapeError(`type: unknown content message ${String(message.type)}`);
  const person = optionalText(message.person, 'person');
  const channel = optionalText(message.channel, 'channel');
  return {
    type: 'content:record-acknowledgement',
    ticket,
    role: nonEmpty(message.role, 'role'),
    roleName: nonEmpty(message.roleName, 'roleName'),
    level: positiveLevel(message.level, 'level'),
    at: isoInstant(message.at, 'at'),
    ...(person !== undefined ? { person } : {}),
    ...(channel !== undefined ? { channel } : {}),
  };
}

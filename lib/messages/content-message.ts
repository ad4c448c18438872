import { fields, number, object, oneOf, ReadError, text, type Read } from './read';

/**
 * Messages the background sends a helpdesk page (never accepted by the background), written once
 * as a reader (pages carry no zod); the type is derived from it. A malformed one is refused
 * naming the path.
 */

function nonEmpty(value: unknown, path: string): string {
  const read = text(value, path);
  if (read === '') throw new ReadError(`${path}: expected a non-empty string`);
  return read;
}

const optionalText = (value: unknown, path: string): string | undefined => (value === undefined ? undefined : nonEmpty(value, path));

function positiveLevel(value: unknown, path: string): number {
  const level = number(value, path);
  if (!Number.isInteger(level) || level < 1) throw new ReadError(`${path}: expected a level of 1 or more`);
  return level;
}

function isoInstant(value: unknown, path: string): string {
  const at = text(value, path);
  if (Number.isNaN(Date.parse(at))) throw new ReadError(`${path}: expected an ISO date-time`);
  return at;
}

const systemAndId = fields({ system: oneOf(['zendesk', 'jira'] as const), id: nonEmpty });

/** A ticket reference, with the origin it was read on when the background names it. */
const ticketRef: Read<{ system: 'zendesk' | 'jira'; id: string; origin?: string }> = (value, path) => {
  const ref = systemAndId(value, path);
  const origin = optionalText(object(value, path).origin, `${path}.origin`);
  return origin === undefined ? ref : { ...ref, origin };
};

export function readContentMessage(raw: unknown) {
  const message = object(raw, 'message');
  const ticket = ticketRef(message.ticket, 'ticket');
  /** Something changed the ticket's view (an acknowledgement from the popup or a notification): ask again. */
  if (message.type === 'content:ticket-changed') return { type: 'content:ticket-changed' as const, ticket };
  if (message.type !== 'content:record-acknowledgement') throw new ReadError(`type: unknown content message ${String(message.type)}`);
  /** Write the acknowledgement note with the page's own session and CSRF token. */
  const person = optionalText(message.person, 'person');
  const channel = optionalText(message.channel, 'channel');
  return {
    type: 'content:record-acknowledgement' as const,
    ticket,
    role: nonEmpty(message.role, 'role'),
    roleName: nonEmpty(message.roleName, 'roleName'),
    level: positiveLevel(message.level, 'level'),
    at: isoInstant(message.at, 'at'),
    ...(person !== undefined ? { person } : {}),
    ...(channel !== undefined ? { channel } : {}),
  };
}
export type ContentMessage = ReturnType<typeof readContentMessage>;

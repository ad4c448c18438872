import { z } from 'zod';
import { ticketJsonSchema } from '../engine/ticket-schema';

/**
 * The one typed protocol between content scripts, popup, options and background.
 * Every message is parsed with `parseMessage`; anything else is rejected.
 * Responses are plain JSON; their schemas live beside the handler that produces them.
 */

const ticketRef = z.strictObject({ system: z.enum(['zendesk', 'jira']), id: z.string().min(1) });

export const messageSchema = z.discriminatedUnion('type', [
  /** A content script read a ticket (from the API with history, or from the page without). */
  z.strictObject({
    type: z.literal('ticket:seen'),
    ticket: ticketJsonSchema,
    source: z.enum(['api', 'dom']),
    fetchedAt: z.iso.datetime({ offset: true }),
  }),
  /** Popup: the watched tickets, most urgent first. */
  z.strictObject({ type: z.literal('tickets:list') }),
  /** Mark a role notified for a ticket (locally; the ticket note is written by the content side). */
  z.strictObject({ type: z.literal('ticket:acknowledge'), ticket: ticketRef, role: z.string().min(1) }),
  /** Snooze a ticket's notifications for some minutes. */
  z.strictObject({
    type: z.literal('ticket:snooze'),
    ticket: ticketRef,
    minutes: z.number().int().positive().max(24 * 60),
  }),
  /** The effective policy (managed > user > default). */
  z.strictObject({ type: z.literal('policy:get') }),
]);

export type Message = z.infer<typeof messageSchema>;
export type MessageInput = z.input<typeof messageSchema>;
export type TicketRef = z.infer<typeof ticketRef>;

export class MessageError extends Error {
  override name = 'MessageError';
}

export function parseMessage(value: unknown): Message {
  const result = messageSchema.safeParse(value);
  if (!result.success) {
    const detail = result.error.issues.map((i) => `${i.path.join('.') || '(message)'}: ${i.message}`).join('; ');
    throw new MessageError(`Rejected message: ${detail}`);
  }
  return result.data;
}

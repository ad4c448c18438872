import { z } from 'zod';
import type { TicketJson } from './ticket-json';
import type { Ticket } from './types';

export { ticketToJson, type TicketJson, type TicketEventJson } from './ticket-json';

/**
 * Tickets cross extension boundaries (messages, storage) as JSON: instants become ISO strings.
 * These schemas turn them back into `Ticket`s, rejecting anything malformed with a path.
 */

const isoInstant = z.iso.datetime({ offset: true }).transform((s) => new Date(s));
const severity = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);
const status = z.enum(['active', 'waiting', 'solved']);

const ticketEventJson = z.discriminatedUnion('kind', [
  z.strictObject({ at: isoInstant, kind: z.literal('severity'), to: severity.nullable() }),
  z.strictObject({ at: isoInstant, kind: z.literal('status'), to: status }),
  z.strictObject({ at: isoInstant, kind: z.literal('publicReply') }),
  z.strictObject({ at: isoInstant, kind: z.literal('workaround') }),
  z.strictObject({ at: isoInstant, kind: z.literal('notified'), role: z.string().min(1) }),
]);

export const ticketJsonSchema = z.strictObject({
  system: z.enum(['zendesk', 'jira']),
  id: z.string().min(1),
  url: z.url(),
  title: z.string(),
  createdAt: isoInstant,
  severity: severity.nullable(),
  status,
  office: z.string().nullable(),
  workaround: z.boolean(),
  history: z.array(ticketEventJson),
  // Added with issue 13; tickets stored before it have none.
  organization: z.string().nullable().optional(),
  assignee: z.string().nullable().optional(),
  gaps: z.array(z.string()).optional(),
  unread: z.array(z.enum(['createdAt', 'severity'])).optional(),
}) satisfies z.ZodType<Ticket, TicketJson>;

export function ticketFromJson(json: unknown): Ticket {
  return ticketJsonSchema.parse(json);
}

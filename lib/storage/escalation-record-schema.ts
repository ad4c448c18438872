import { z } from 'zod';

/**
 * The escalation record (issue 15 item 5): per ticket, every level reached, every notification
 * raised and every acknowledgement (which role, who was told, when, how, whether a note was
 * written on the ticket) with the level's start, so the delay from level start to
 * acknowledgement can be reported. It outlives the watched store (a solved ticket is forgotten
 * there after days; its record stays for the reports), within its own caps (RECORD_LIMITS).
 *
 * Its schemas; the stored item is in escalation-record.ts. The pure operations on it are in lib/record.
 */

const iso = z.iso.datetime({ offset: true });
const level = z.number().int().min(1).max(99);

export const recordedLevelSchema = z.object({ level, levelId: z.string().min(1), at: iso });

export const recordedNotificationSchema = z.object({
  /** The background's notification id ("(ticket, event)" key). */
  id: z.string().min(1),
  kind: z.enum(['level', 'warn-level', 'response', 'update', 'warn-update', 'reminder', 'ack-timeout', 'summary']),
  /** When it was raised (the background's clock). */
  at: iso,
  level: level.nullable(),
  /** Roles it asked to notify (the Escalation Director included when a timeout added them). */
  roles: z.array(z.string().min(1)).max(20),
});

/**
 * How a role was acknowledged: 'button' — "Mark notified" in the ticket panel or the popup;
 * 'reply' — answered on the notification itself (its "Mark notified" button), as on-call tools
 * take an acknowledgement by reply; 'note' — read back from an acknowledgement note on the ticket
 * (a teammate's, or this engineer's from another browser).
 */
export const acknowledgementHowSchema = z.enum(['button', 'reply', 'note']);

export const recordedAcknowledgementSchema = z.object({
  role: z.string().min(1),
  /** The level that brought the role in. */
  level,
  /** When that level started on the ticket's clock; null when it had not (acknowledged ahead). */
  levelStartedAt: iso.nullable(),
  at: iso,
  how: acknowledgementHowSchema,
  /** Who was told: the name the engineer gave, else the directory's holders at the time; null when nobody was known. */
  person: z.string().max(200).nullable(),
  channel: z.string().max(50).nullable(),
  /** Whether the acknowledgement is written as a note on the ticket (always, for 'note'). */
  noteWritten: z.boolean(),
});

export const ticketRecordSchema = z.object({
  system: z.enum(['zendesk', 'jira']),
  id: z.string().min(1),
  title: z.string().max(500),
  url: z.string(),
  severity: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]).nullable(),
  levels: z.array(recordedLevelSchema),
  notifications: z.array(recordedNotificationSchema),
  acknowledgements: z.array(recordedAcknowledgementSchema),
  /** Last time anything was recorded for it: the least recently updated go first beyond the caps. */
  updatedAt: iso,
});

/** Keyed like the watched store: `${system}:${id}@${origin}`. */
export const escalationRecordSchema = z.record(z.string().min(1), ticketRecordSchema);

export type RecordedLevel = z.infer<typeof recordedLevelSchema>;
export type RecordedNotification = z.infer<typeof recordedNotificationSchema>;
export type RecordedAcknowledgement = z.infer<typeof recordedAcknowledgementSchema>;
export type AcknowledgementHow = z.infer<typeof acknowledgementHowSchema>;
export type TicketRecord = z.infer<typeof ticketRecordSchema>;
export type EscalationRecord = z.infer<typeof escalationRecordSchema>;

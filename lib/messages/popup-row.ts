import { z } from 'zod';
import { storedTicketSchema } from '../storage/watched-ticket-schema';

/**
 * One row of the toolbar popup as the background answers 'tickets:list': the ticket, its
 * evaluation as the background made it, and what the view model resolved (who holds each role
 * still to tell, who was told, the message). The popup renders it; it does not evaluate, sort or
 * look people up. Defined once here; the type is derived (z.infer).
 */

const iso = z.iso.datetime({ offset: true });
/** Instants of the evaluation as epoch milliseconds: thousands per list, cheap to write and read. */
const instant = z.number().int();
const state = z.enum(['unknown', 'stopped', 'paused', 'overdue', 'notify', 'warning', 'ok']);
const severity = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);

/** An engine Evaluation (lib/engine/types.ts) with its instants as epoch milliseconds. */
export const evaluationJsonSchema = z.strictObject({
  ticketId: z.string(),
  severity: severity.nullable(),
  state,
  clockStart: instant.nullable(),
  level: z.number().int().min(0),
  levelId: z.string(),
  nextLevel: z.strictObject({ level: z.number().int(), id: z.string(), at: instant.nullable() }).nullable(),
  responseDueAt: instant.nullable(),
  respondedAt: instant.nullable(),
  nextUpdateDueAt: instant.nullable(),
  notify: z.array(z.string()),
  pending: z.array(z.string()),
  explanation: z.array(z.string()),
  officeId: z.string(),
  timeZone: z.string(),
  status: z.enum(['active', 'waiting', 'solved']),
  clockStartReason: z.enum(['created', 'raised', 'set']).nullable(),
  raisedFrom: severity.nullable(),
  countedMs: z.number(),
  countedKind: z.enum(['wall', 'business']).nullable(),
  pausedSince: instant.nullable(),
  levels: z.array(
    z.strictObject({
      level: z.number().int(),
      id: z.string(),
      name: z.string(),
      scheduled: z.boolean(),
      at: instant.nullable(),
      reached: z.boolean(),
      notify: z.array(z.string()),
      onRequest: z.array(z.string()),
    }),
  ),
  onRequest: z.array(z.string()),
  workaroundAt: instant.nullable(),
  lastReplyAt: instant.nullable(),
  updateRule: z.enum(['response', 'every', 'afterWorkaround']).nullable(),
  nextDeadline: z.strictObject({ kind: z.enum(['level', 'response', 'update']), at: instant, warnAt: instant.nullable() }).nullable(),
  warnAt: instant.nullable(),
});
export type EvaluationJson = z.infer<typeof evaluationJsonSchema>;

const holderSchema = z.strictObject({ name: z.string(), email: z.string().nullable() });

export const popupRowSchema = z.strictObject({
  /** `${system}:${id}` */
  key: z.string().min(1),
  ticket: storedTicketSchema,
  evaluation: evaluationJsonSchema,
  /** Assigned to the engineer ("mine only" identity in the settings). */
  mine: z.boolean(),
  /** Roles still to tell, each with who holds it for this ticket (empty: nobody in the directory). */
  toTell: z.array(
    z.strictObject({
      roleId: z.string(),
      roleName: z.string(),
      holders: z.array(holderSchema),
      /** Added by an acknowledgement timeout (the on-duty Escalation Director): the level and its minutes. */
      addedBy: z.strictObject({ level: z.number().int(), minutes: z.number().int() }).optional(),
    }),
  ),
  /** Roles already told: a fact, shown as text. */
  notified: z.array(z.strictObject({ roleId: z.string(), roleName: z.string(), at: iso, onTicket: z.boolean() })),
  /** Why the last background refresh failed; the data is then as old as the last read. */
  refreshError: z.string().nullable(),
  /** Watched only because a view showed it (its history was read for the row), never opened in a tab. */
  fromView: z.boolean(),
});
export type PopupRow = z.infer<typeof popupRowSchema>;

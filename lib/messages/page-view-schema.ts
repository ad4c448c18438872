import { z } from 'zod';
import type { PageRowProblem, PageRowView, PageTicketView } from './page-view';

/** The router checks every answer to a page against these (the page checks them by hand). */

const epochMs = z.number().int();
const state = z.enum(['unknown', 'stopped', 'paused', 'overdue', 'notify', 'warning', 'ok']);

export const pageTicketViewSchema = z.strictObject({
  system: z.enum(['zendesk', 'jira']),
  ticketId: z.string().min(1),
  url: z.string(),
  title: z.string(),
  openedAt: epochMs,
  state,
  severity: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]).nullable(),
  severityName: z.string().nullable(),
  level: z.number().int().min(0),
  levelName: z.string(),
  levelRoleNames: z.array(z.string()),
  nextLevel: z.strictObject({ level: z.number().int(), name: z.string(), at: epochMs.nullable() }).nullable(),
  nextUpdateDueAt: epochMs.nullable(),
  responseDueAt: epochMs.nullable(),
  respondedAt: epochMs.nullable(),
  clockStart: epochMs.nullable(),
  pausedSince: epochMs.nullable(),
  explanation: z.array(z.string()),
  timeline: z.array(
    z.strictObject({
      level: z.number().int(),
      id: z.string(),
      name: z.string(),
      at: epochMs.nullable(),
      phase: z.enum(['reached', 'next', 'later']),
      scheduled: z.boolean(),
      notifyNames: z.array(z.string()),
    }),
  ),
  people: z.array(
    z.strictObject({
      roleId: z.string(),
      name: z.string(),
      level: z.number().int(),
      pending: z.boolean(),
      onRequest: z.boolean(),
      message: z.strictObject({ subject: z.string(), body: z.string(), mailto: z.string() }),
    }),
  ),
  nativeSla: z
    .array(z.strictObject({ name: z.string(), breachAt: epochMs.nullable(), paused: z.boolean(), breached: z.boolean() }))
    .nullable(),
  source: z.enum(['api', 'dom']),
  officeName: z.string(),
  officeTimeZone: z.string(),
  refreshAt: epochMs.nullable(),
  ackNoteMode: z.enum(['off', 'ask', 'always']),
}) satisfies z.ZodType<PageTicketView>;

export const pageRowViewSchema = z.strictObject({
  id: z.string().min(1),
  state,
  deadlineAt: epochMs.nullable(),
  refreshAt: epochMs.nullable(),
}) satisfies z.ZodType<PageRowView>;

export const pageRowProblemSchema = z.strictObject({ index: z.number().int().min(0), error: z.string() }) satisfies z.ZodType<PageRowProblem>;

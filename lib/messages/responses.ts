import { z } from 'zod';
import { policySchema } from '../policy/schema';
import { directorySchema } from '../people/directory-schema';
import { watchedTicketSchema } from '../storage/watched-ticket-schema';
import { popupRowSchema } from './popup-row';
import { readForecastAnswer } from './forecast-view';
import { pageAnswerSchemas, schemaOf } from './page-view-schema';
import type { MessageType } from './protocol';

/** What the background answers to each message type. */

const iso = z.iso.datetime({ offset: true });

/** A watched ticket as the popup and content scripts see it. */
export const watchedTicketViewSchema = watchedTicketSchema.extend({
  key: z.string(),
  /** The state the background evaluated when it answered; null if it could not. */
  state: z.enum(['unknown', 'stopped', 'paused', 'overdue', 'notify', 'warning', 'ok']).nullable(),
  /** Assigned to the engineer ("mine only" identity in the settings). */
  mine: z.boolean(),
});
export type WatchedTicketView = z.infer<typeof watchedTicketViewSchema>;

export const responseSchemas = {
  /** `view` for content scripts: the ticket they reported, evaluated. */
  'ticket:seen': pageAnswerSchemas['ticket:seen'],
  'tickets:list': z.object({
    /** Most urgent first, in the one order (lib/view-model/urgency.ts), built by the view model. */
    rows: z.array(popupRowSchema),
    evaluatedAt: iso,
    /** The next instant a row's state can change without new data: ask again then. */
    refreshAt: iso.nullable(),
  }),
  'ticket:get': z.object({ ticket: watchedTicketViewSchema.nullable() }),
  /** Read by the popup and by pages: written once as a reader (lib/messages/page-view.ts). */
  'ticket:acknowledge': pageAnswerSchemas['ticket:acknowledge'],
  'ticket:snooze': z.object({ snoozedUntil: iso }),
  'ticket:open': z.object({ tabId: z.number().int(), opened: z.boolean() }),
  'ticket:forget': z.object({ forgotten: z.boolean() }),
  'tickets:forget-view': z.object({ forgotten: z.number().int().min(0) }),
  'tickets:watch-view': z.object({ watching: z.literal(true) }),
  /** `restored`: watched again at once; else from the next read of it (a view or its tab). */
  'ticket:watch': z.object({ restored: z.boolean() }),
  'policy:get': z.object({
    policy: policySchema,
    source: z.enum(['managed', 'user', 'default']),
    problems: z.array(z.string()),
  }),
  'settings:changed': z.object({ nextWakeAt: iso.nullable() }),
  'directory:get': z.object({ directory: directorySchema }),
  // Answers to helpdesk pages: written once as readers (lib/messages/page-view.ts).
  'ticket:ingest': pageAnswerSchemas['ticket:ingest'],
  'tickets:ingest-many': pageAnswerSchemas['tickets:ingest-many'],
  'ticket:view': pageAnswerSchemas['ticket:view'],
  'page:config': pageAnswerSchemas['page:config'],
  'options:open': pageAnswerSchemas['options:open'],
  /** Written once as a reader (lib/messages/forecast-view.ts), like the pages' answers. */
  'forecast:get': schemaOf(readForecastAnswer, 'forecast:get'),
} satisfies Record<MessageType, z.ZodType>;

export type ResponseFor<T extends MessageType> = z.infer<(typeof responseSchemas)[T]>;

/** Every response travels in this envelope, so a failure arrives as data, not as a dropped port. */
export type Envelope<T> = { ok: true; data: T } | { ok: false; error: string };

export function envelopeSchema<T extends MessageType>(type: T) {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), data: responseSchemas[type] }),
    z.object({ ok: z.literal(false), error: z.string() }),
  ]);
}

/** The reply of a content script to 'content:record-acknowledgement'. */
export const recordAcknowledgementReplySchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true) }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);
export type RecordAcknowledgementReply = z.infer<typeof recordAcknowledgementReplySchema>;

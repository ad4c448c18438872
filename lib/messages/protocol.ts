import { z } from 'zod';
import { ticketJsonSchema } from '../engine/ticket-schema';

/**
 * The one typed protocol between content scripts, popup, options and background.
 * Every message is parsed with `parseMessage`; anything else is rejected.
 * Responses: see responses.ts (one schema per message type, wrapped in an ok/error envelope).
 */

/**
 * A watched ticket: system and id, and the helpdesk origin it was read on. Content scripts'
 * refs always mean their own origin (any origin they give is ignored); an extension page may
 * leave it out when only one watched ticket has that system and id.
 */
export const ticketRefSchema = z.strictObject({
  system: z.enum(['zendesk', 'jira']),
  id: z.string().min(1),
  origin: z.url().optional(),
});
const ticketRef = ticketRefSchema;
const helpdeskSystemSchema = z.enum(['zendesk', 'jira']);
/** A helpdesk's JSON as it sent it; the helpdesk's own schemas parse it in the background. */
const rawBodySchema = z.record(z.string(), z.unknown());

/** Which stored settings changed; the background re-reads them, re-evaluates and re-arms. */
export const settingsAreaSchema = z.enum(['notifications', 'general', 'sites', 'mappings', 'policy', 'directory', 'forecast']);
export type SettingsArea = z.infer<typeof settingsAreaSchema>;

export const messageSchema = z.discriminatedUnion('type', [
  /** A content script read a ticket (from the API with history, or from the page without). */
  z.strictObject({
    type: z.literal('ticket:seen'),
    ticket: ticketJsonSchema,
    source: z.enum(['api', 'dom']),
    fetchedAt: z.iso.datetime({ offset: true }),
    /** Customer organisation name, to find its Sales Rep in the directory. */
    organization: z.string().min(1).optional(),
    /** Assignee identity (Zendesk user id / Jira account id / email), for the "mine" filter. */
    assignee: z.string().min(1).optional(),
  }),
  /** Popup: the watched tickets, most urgent first. */
  z.strictObject({ type: z.literal('tickets:list') }),
  /** One watched ticket (content scripts: local acknowledgements and snooze for the badge). */
  z.strictObject({ type: z.literal('ticket:get'), ticket: ticketRef }),
  /**
   * Mark a role notified for a ticket. With `recordOnTicket` the background also asks a tab of
   * the ticket's helpdesk to write the note (issue 8); on failure the acknowledgement stays local.
   */
  z.strictObject({
    type: z.literal('ticket:acknowledge'),
    ticket: ticketRef,
    role: z.string().min(1),
    recordOnTicket: z.boolean().optional(),
    /** Who was told and how, for the note (e.g. "Jane Doe", "email"). */
    person: z.string().min(1).max(200).optional(),
    channel: z.string().min(1).max(50).optional(),
  }),
  /** Snooze a ticket's notifications for some minutes. */
  z.strictObject({
    type: z.literal('ticket:snooze'),
    ticket: ticketRef,
    minutes: z.number().int().positive().max(24 * 60),
  }),
  /** Focus the ticket's tab, or open it. */
  z.strictObject({ type: z.literal('ticket:open'), ticket: ticketRef }),
  /** Stop watching a ticket. */
  z.strictObject({ type: z.literal('ticket:forget'), ticket: ticketRef }),
  /** Stop watching every ticket watched only because a view showed it (never one opened in a tab), and the ones views show later. */
  z.strictObject({ type: z.literal('tickets:forget-view') }),
  /** Undo of the above: tickets views show are watched again. */
  z.strictObject({ type: z.literal('tickets:watch-view') }),
  /** Undo of 'ticket:forget': the ticket is watched again (at once when the background still has its read). */
  z.strictObject({ type: z.literal('ticket:watch'), ticket: ticketRef }),
  /** The effective policy (managed > user > default). */
  z.strictObject({ type: z.literal('policy:get') }),
  /** The options page saved something: re-read it, re-evaluate, re-arm the alarm. */
  z.strictObject({ type: z.literal('settings:changed'), area: settingsAreaSchema }),
  /** The people directory (for the popup's "people to notify" and escalation messages). */
  z.strictObject({ type: z.literal('directory:get') }),
  /**
   * A helpdesk page read a ticket over REST (every page merged) and hands over the bodies as the
   * helpdesk sent them: the background parses them with the helpdesk's schemas and stored
   * mapping, stores the ticket (as 'ticket:seen' does) and answers the render-ready view.
   */
  z.strictObject({
    type: z.literal('ticket:ingest'),
    system: helpdeskSystemSchema,
    raw: rawBodySchema,
    fetchedAt: z.iso.datetime({ offset: true }),
  }),
  /** A list page's visible rows, read in one batch: answered with one row view each, nothing stored. */
  z.strictObject({
    type: z.literal('tickets:ingest-many'),
    system: helpdeskSystemSchema,
    raws: z.array(rawBodySchema).max(100),
    /** Ids the page asked the helpdesk for that the list read left out (deleted, or not visible to the agent). */
    missing: z.array(z.string().min(1).max(100)).max(100).optional(),
  }),
  /** A helpdesk page asks again for the view of a ticket it showed (a deadline passed, an acknowledgement). */
  z.strictObject({ type: z.literal('ticket:view'), ticket: ticketRef }),
  /** Open the options page at a section (a page cannot: "nobody in the directory" links to People). */
  z.strictObject({ type: z.literal('options:open'), section: z.enum(['people', 'general', 'policy', 'helpdesks', 'notifications']) }),
  /** What a helpdesk page needs of the settings: its field mapping (validated) and the note setting. */
  z.strictObject({ type: z.literal('page:config'), system: helpdeskSystemSchema }),
  /**
   * The forecast (issue 15): what falls due over the next `hours` across watched tickets, each
   * office's strip and handoff; with `ticket`, that ticket's events only (its calendar file).
   */
  z.strictObject({
    type: z.literal('forecast:get'),
    hours: z.number().int().min(1).max(24 * 31).optional(),
    ticket: ticketRef.optional(),
  }),
]);

export type Message = z.infer<typeof messageSchema>;
export type MessageInput = z.input<typeof messageSchema>;
export type MessageType = Message['type'];
export type TicketRef = z.infer<typeof ticketRef>;

export type { ContentMessage } from './content-message';

export class MessageError extends Error {
  override name = 'MessageError';
}

export function describeIssues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || '(message)'}: ${i.message}`).join('; ');
}

export function parseMessage(value: unknown): Message {
  const result = messageSchema.safeParse(value);
  if (!result.success) {
    const type = typeof value === 'object' && value !== null && 'type' in value ? String(value.type) : undefined;
    const known = messageSchema.options.some((option) => option.shape.type.value === type);
    if (type !== undefined && !known) throw new MessageError(`Rejected message: unknown type "${type}"`);
    throw new MessageError(`Rejected message: ${describeIssues(result.error)}`);
  }
  return result.data;
}

import { z } from 'zod';
import { ticketJsonSchema, ticketToJson } from '../engine/ticket-schema';

/** The stored shape (v2) of one watched ticket. Instants are ISO strings, as in storage. */

export const isoInstantString = z.iso.datetime({ offset: true });

/** Validated with the engine's ticket schema, stored in its normalised JSON form. */
export const storedTicketSchema = ticketJsonSchema.transform(ticketToJson);

export const acknowledgementSchema = z.object({
  at: isoInstantString,
  /** 'ticket': also recorded as a note on the ticket (issue 8); 'local': this browser only. */
  by: z.enum(['local', 'ticket']),
});

export const refreshErrorSchema = z.object({
  kind: z.string().min(1),
  message: z.string(),
  at: isoInstantString,
});

export const watchedTicketSchema = z.object({
  ticket: storedTicketSchema,
  source: z.enum(['api', 'dom']),
  /** The helpdesk origin the ticket was read from, e.g. https://acme.zendesk.com */
  origin: z.url(),
  /** Customer organisation, to find its Sales Rep in the directory. */
  organization: z.string().min(1).optional(),
  /** Assignee identity, for the popup's "mine only" filter. */
  assignee: z.string().min(1).optional(),
  fetchedAt: isoInstantString,
  /**
   * The helpdesk's version of the stored read (Zendesk updated_at, Jira fields.updated): a list
   * row at this version or older can use the stored history. Absent in entries stored before it.
   */
  version: z.string().min(1).optional(),
  /** How the ticket came to be watched: opened ('ticket') or read with its history for a view's row ('view'). */
  via: z.enum(['ticket', 'view']).optional(),
  lastRefreshAttemptAt: isoInstantString.nullable(),
  refreshError: refreshErrorSchema.optional(),
  acknowledged: z.record(z.string().min(1), acknowledgementSchema),
  snoozedUntil: isoInstantString.optional(),
  /** Notification key → when it was shown: what was already notified, for exactly-once. */
  shown: z.record(z.string().min(1), isoInstantString),
  firstSeenAt: isoInstantString,
  lastSeenAt: isoInstantString,
  /** When the ticket was first stored as solved; solved tickets are forgotten some days later. */
  solvedAt: isoInstantString.optional(),
});

export type WatchedTicket = z.infer<typeof watchedTicketSchema>;
export type Acknowledgement = z.infer<typeof acknowledgementSchema>;
export type RefreshError = z.infer<typeof refreshErrorSchema>;

/** Keyed by `${system}:${id}@${origin}` (see watchedTicketKey). */
export const watchedStoreSchema = z.record(z.string(), watchedTicketSchema).superRefine((store, ctx) => {
  for (const [key, entry] of Object.entries(store)) {
    const rightKey = watchedEntryKey(entry);
    if (key !== rightKey) ctx.addIssue({ code: 'custom', path: [key], message: `key does not match ticket ${rightKey}` });
  }
});

export type WatchedStore = z.infer<typeof watchedStoreSchema>;

/**
 * The store key of a ticket read on a helpdesk origin: `zendesk:35436@https://acme.zendesk.com`.
 * The origin is part of it, so ticket 35436 of another Zendesk site is another ticket (it can
 * neither replace acme's entry nor inherit its acknowledgements). Never contains '|' (notification
 * ids are `${key}|${kind}|…`).
 */
export function ticketKeyAt(origin: string, ticket: { system: string; id: string }): string {
  return `${ticket.system}:${ticket.id}@${origin}`;
}

/** The key of a ticket by the origin of its own URL (pages only report tickets of their own origin). */
export function watchedTicketKey(ticket: { system: string; id: string; url: string }): string {
  return ticketKeyAt(new URL(ticket.url).origin, ticket);
}

export function watchedEntryKey(entry: { origin: string; ticket: { system: string; id: string } }): string {
  return ticketKeyAt(entry.origin, entry.ticket);
}

/** `store[key]` when it is the store's own entry. */
export function entryAt(store: WatchedStore, key: string): WatchedTicket | undefined {
  return Object.hasOwn(store, key) ? store[key] : undefined;
}

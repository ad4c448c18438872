import type { HelpdeskSystem, Severity, Status, Ticket, UnreadField } from './types';

/**
 * A ticket as JSON, the form in which it crosses extension boundaries (messages, storage):
 * instants are ISO strings. Kept free of zod so content scripts can send tickets without
 * bundling it; ticket-schema.ts parses this form back, and checks at compile time that its
 * input type is this one.
 */

export type TicketEventJson =
  | { at: string; kind: 'severity'; to: Severity | null }
  | { at: string; kind: 'status'; to: Status }
  | { at: string; kind: 'publicReply' }
  | { at: string; kind: 'workaround' }
  | { at: string; kind: 'notified'; role: string };

export interface TicketJson {
  system: HelpdeskSystem;
  id: string;
  url: string;
  title: string;
  createdAt: string;
  severity: Severity | null;
  status: Status;
  office: string | null;
  workaround: boolean;
  history: TicketEventJson[];
  organization?: string | null;
  assignee?: string | null;
  gaps?: string[];
  unread?: UnreadField[];
}

export function ticketToJson(ticket: Ticket): TicketJson {
  return {
    ...ticket,
    createdAt: ticket.createdAt.toISOString(),
    history: ticket.history.map((event) => ({ ...event, at: event.at.toISOString() })),
  };
}

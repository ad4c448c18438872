import type { Evaluation, Ticket } from '../engine/types';

/** A watched ticket as the popup needs it, before it is evaluated. */
export interface QueueEntry {
  ticket: Ticket;
  /** Roles already acknowledged for this ticket (locally or by a note on the ticket). */
  acknowledged: readonly string[];
  /** Whether the ticket is the engineer's own (assigned to them), for the "mine" filter. */
  mine: boolean;
  /** Customer organisation, to find its Sales Rep. */
  organization: string | null;
  /** When the ticket's data was last read from the helpdesk. */
  refreshedAt: Date | null;
  /** Why the last background refresh failed; the data is then as old as `refreshedAt`. */
  refreshError: string | null;
}

/** One row of the popup: a watched ticket and its evaluation at the popup's `now`. */
export interface QueueItem extends QueueEntry {
  evaluation: Evaluation;
}

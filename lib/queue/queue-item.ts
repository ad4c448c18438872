import type { Evaluation, Ticket } from '../engine/types';

/** One row of the popup: a watched ticket and its evaluation at the popup's `now`. */
export interface QueueItem {
  ticket: Ticket;
  evaluation: Evaluation;
  /** Whether the ticket is the engineer's own (assigned to them), for the "mine" filter. */
  mine: boolean;
  /** When the ticket's data was last read from the helpdesk; shown when it is stale. */
  refreshedAt: Date | null;
}

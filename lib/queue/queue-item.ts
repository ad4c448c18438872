import type { Evaluation, Ticket } from '../engine/types';
import type { RoleToTell } from '../view-model/people';

/**
 * One row of the popup as the background built it (lib/view-model/popup-row.ts), instants as
 * Dates. The popup renders it: the evaluation is the background's, never re-made here.
 */
export interface QueueItem {
  /** `${system}:${id}` */
  key: string;
  ticket: Ticket;
  evaluation: Evaluation;
  /** Whether the ticket is the engineer's own (assigned to them), for the "mine" filter. */
  mine: boolean;
  /** Roles still to tell, each with who holds it for this ticket (empty holders: nobody in the directory). */
  toTell: RoleToTell[];
  /** Roles already told, with when: a fact. */
  notified: Array<{ roleId: string; roleName: string; at: Date; onTicket: boolean }>;
  /** Why the last background refresh failed. */
  refreshError: string | null;
  /** Watched only because a view showed it (its history was read for the row), never opened. */
  fromView?: boolean;
}

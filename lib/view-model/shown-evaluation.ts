import type { Evaluation, Ticket } from '../engine/types';
import { type AckTimeoutMinutes, directorStillToTell, toldRoles } from '../alarms/ack-timeouts';

/**
 * The evaluation every surface shows (page badge, view row, popup row and order, toolbar badge):
 * the engine's, except that a ticket whose Escalation Director, added by a passed acknowledgement
 * timeout, is still to tell reads "notify" — never "on track" beside a person still to tell.
 * Overdue and stopped keep their own word (overdue says more; a stopped ticket tells nobody).
 * The rule of who is added is the alarm's (lib/alarms/ack-timeouts.ts), not restated here.
 */
export function shownEvaluation(
  ticket: Pick<Ticket, 'history'>,
  evaluation: Evaluation,
  ackTimeouts: AckTimeoutMinutes | undefined,
  acknowledged: Readonly<Record<string, { at: string }>>,
  now: Date,
): Evaluation {
  if (evaluation.state === 'notify' || evaluation.state === 'overdue' || evaluation.state === 'stopped') return evaluation;
  return directorStillToTell(evaluation, ackTimeouts, now, toldRoles(ticket, acknowledged)) ? { ...evaluation, state: 'notify' } : evaluation;
}

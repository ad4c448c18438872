import { ticketToJson } from '../engine/ticket-json';
import type { Evaluation, Ticket } from '../engine/types';
import type { PopupRow } from '../messages/popup-row';
import { evaluationToJson } from './evaluation-json';
import type { Policy } from '../policy/schema';
import { escalationMessage, type EscalationMessage } from './escalation-message';
import { roleName } from './people';
import { directorAdded, stillToTell } from './still-to-tell';
import type { ViewContext } from './ticket-view';

/**
 * The popup's row of one watched ticket, from its evaluation: who to tell (named; the Escalation
 * Director too once an acknowledgement timeout added it), who was told.
 * The copy / email message is not in the row: composing it for 2,000 tickets cost the list
 * 0.4–0.8 s, and an engineer uses it for one ticket at a time; `popupMessage` composes it then.
 */

export interface PopupRowInput {
  key: string;
  ticket: Ticket;
  evaluation: Evaluation;
  mine: boolean;
  /** Roles marked notified (by this engineer, or on the ticket), with when. */
  acknowledged: Readonly<Record<string, { at: string; by: 'local' | 'ticket' }>>;
  refreshError: string | null;
  /** Watched only because a view showed it. */
  fromView?: boolean;
}

export function popupRow(input: PopupRowInput, ctx: ViewContext): PopupRow {
  const { ticket, evaluation } = input;
  const people = { ...ctx, acknowledged: input.acknowledged };
  const toTell = stillToTell(people, ticket, evaluation);
  // The director a passed timeout added counts among the roles due (told or not).
  const director = directorAdded(people, ticket, evaluation);
  const notified = [...evaluation.notify, ...(director ? [director.role.roleId] : [])]
    .filter((role) => !toTell.some((told) => told.roleId === role))
    .flatMap((role) => {
      const acknowledgement = Object.hasOwn(input.acknowledged, role) ? input.acknowledged[role] : undefined;
      const noted = ticket.history.filter((event) => event.kind === 'notified' && event.role === role).at(-1);
      const at = acknowledgement?.at ?? noted?.at.toISOString();
      if (at === undefined) return [];
      return [{ roleId: role, roleName: roleName(ctx.policy, role), at, onTicket: acknowledgement ? acknowledgement.by === 'ticket' : true }];
    });
  return {
    key: input.key,
    ticket: ticketToJson(ticket),
    evaluation: evaluationToJson(evaluation),
    mine: input.mine,
    toTell,
    notified,
    refreshError: input.refreshError,
    fromView: input.fromView ?? false,
  };
}

/**
 * The copy / email message of a popup row to every role still to tell, composed when the engineer
 * uses it (the same composer as the panel's per-role message); null when nobody is left to tell.
 */
export function popupMessage(
  row: { ticket: Ticket; evaluation: Evaluation; toTell: PopupRow['toTell'] },
  ctx: { policy: Policy; now: Date; words: ViewContext['words'] },
): EscalationMessage | null {
  if (row.toTell.length === 0) return null;
  return escalationMessage({ ticket: row.ticket, evaluation: row.evaluation, policy: ctx.policy, now: ctx.now, roles: row.toTell, words: ctx.words });
}

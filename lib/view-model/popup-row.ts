import { ticketToJson } from '../engine/ticket-json';
import type { Evaluation, Ticket } from '../engine/types';
import type { PopupRow } from '../messages/popup-row';
import { evaluationToJson } from './evaluation-json';
import { escalationMessage } from './escalation-message';
import { roleName, rolesToTell } from './people';
import type { ViewContext } from './ticket-view';

/** The popup's row of one watched ticket, from its evaluation: who to tell (named), who was told, the message. */

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
  const toTell = rolesToTell(ctx, evaluation, evaluation.pending);
  const notified = evaluation.notify
    .filter((role) => !evaluation.pending.includes(role))
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
    message:
      toTell.length > 0 ? escalationMessage({ ticket, evaluation, policy: ctx.policy, now: ctx.now, roles: toTell, words: ctx.words }) : null,
    refreshError: input.refreshError,
    fromView: input.fromView ?? false,
  };
}

import type { Evaluation, Ticket } from '../engine/types';
import { type AckTimeoutMinutes, directorAddedBy, toldRoles } from '../alarms/ack-timeouts';
import { ESCALATION_DIRECTOR_ROLE } from '../people/people-for';
import { rolesToTell, roleToTell, type PeopleContext, type RoleToTell } from './people';

/**
 * Who is still to tell about one ticket, for every surface (panel, popup row and detail, copy /
 * email message): the levels' pending roles, then — once a level's acknowledgement timeout passed
 * with roles still pending — the on-duty Escalation Director, marked as added by that timeout
 * (the alarm's rule and instant: lib/alarms/ack-timeouts.ts). Each named from the directory.
 */

export interface StillToTellContext extends PeopleContext {
  /** The engineer's acknowledgement timeouts (notification settings); absent: none said. */
  ackTimeouts?: AckTimeoutMinutes;
  /** Roles acknowledged for this ticket in this browser, with when (the watched entry's). */
  acknowledged?: Readonly<Record<string, { at: string }>>;
}

/** The Escalation Director a passed timeout added to the people to notify, named, and whether it was told since; null when none added. */
export function directorAdded(ctx: StillToTellContext, ticket: Pick<Ticket, 'history'>, evaluation: Evaluation): { role: RoleToTell; told: boolean } | null {
  const told = toldRoles(ticket, ctx.acknowledged ?? {});
  const timeout = directorAddedBy(evaluation, ctx.ackTimeouts, ctx.now, told);
  if (!timeout) return null;
  const role = { ...roleToTell(ctx, evaluation, ESCALATION_DIRECTOR_ROLE), addedBy: { level: timeout.level, minutes: timeout.minutes } };
  return { role, told: told.has(ESCALATION_DIRECTOR_ROLE) };
}

/** The Escalation Director a passed timeout added and nobody told yet, named; null otherwise. */
export function directorToTell(ctx: StillToTellContext, ticket: Pick<Ticket, 'history'>, evaluation: Evaluation): RoleToTell | null {
  const added = directorAdded(ctx, ticket, evaluation);
  return added && !added.told ? added.role : null;
}

export function stillToTell(ctx: StillToTellContext, ticket: Pick<Ticket, 'history'>, evaluation: Evaluation): RoleToTell[] {
  const director = directorToTell(ctx, ticket, evaluation);
  const pending = rolesToTell(ctx, evaluation, evaluation.pending);
  return director ? [...pending, director] : pending;
}

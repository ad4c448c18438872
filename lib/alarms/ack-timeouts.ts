import type { Evaluation, Severity, Ticket } from '../engine/types';
import { ESCALATION_DIRECTOR_ROLE } from '../people/people-for';

/**
 * Acknowledgement timeouts (issue 15 item 6), as on-call tools re-page an unacknowledged alert:
 * a role still pending N minutes after its level started is notified again, and the on-duty
 * Escalation Director is added to the people to notify. Pure: the evaluation and the settings
 * come in as arguments.
 *
 * N is wall-clock minutes per severity (the settings' `ackTimeoutMinutes`, 0 = off). The level's
 * start is the engine's (SPEC §2: business time, pauses, raises), so the timeout instant is that
 * UTC instant plus N minutes: exact to the minute in every office's time zone, DST included.
 */

export type AckTimeoutMinutes = Partial<Record<'1' | '2' | '3' | '4', number>>;

/** The settings' defaults (lib/storage/settings.ts holds them: storage sits below the alarms). */
export { DEFAULT_ACK_TIMEOUT_MINUTES } from '../storage/settings';

export interface AckTimeout {
  /** The level whose roles were not acknowledged in time. */
  level: number;
  levelId: string;
  levelName: string;
  /** When the level started (the engine's instant). */
  levelStartedAt: Date;
  /** levelStartedAt + minutes: when the roles are notified again. */
  at: Date;
  minutes: number;
  /** The level's roles still pending now (a role listed at several levels belongs to the first). */
  roles: string[];
  /** The on-duty Escalation Director joins the people to notify (not when the director is the role timing out). */
  directorAdded: boolean;
}

const MS_PER_MINUTE = 60_000;

/** The timeout in minutes for a severity; null when off (0, absent or not a positive whole number). */
export function ackTimeoutFor(timeouts: AckTimeoutMinutes | undefined, severity: Severity | null): number | null {
  if (severity === null || timeouts === undefined) return null;
  const minutes = timeouts[String(severity) as '1' | '2' | '3' | '4'];
  return typeof minutes === 'number' && Number.isInteger(minutes) && minutes > 0 ? minutes : null;
}

/**
 * Every level of the current clock with roles still pending and a timeout instant, passed or
 * ahead, in level order. None while the clock does not run (unknown severity, solved, paused):
 * nothing re-notifies then, as nothing else does.
 */
export function ackTimeoutsOf(evaluation: Evaluation, timeouts: AckTimeoutMinutes | undefined): AckTimeout[] {
  const minutes = ackTimeoutFor(timeouts, evaluation.severity);
  if (minutes === null) return [];
  if (evaluation.state === 'unknown' || evaluation.state === 'stopped' || evaluation.state === 'paused') return [];
  const pending = new Set(evaluation.pending);
  const claimed = new Set<string>();
  const result: AckTimeout[] = [];
  for (const level of evaluation.levels) {
    const roles = level.notify.filter((role) => !claimed.has(role) && pending.has(role));
    for (const role of level.notify) claimed.add(role);
    if (!level.scheduled || level.at === null || roles.length === 0) continue;
    const at = new Date(level.at.getTime() + minutes * MS_PER_MINUTE);
    if (!Number.isFinite(at.getTime())) continue;
    result.push({
      level: level.level,
      levelId: level.id,
      levelName: level.name,
      levelStartedAt: level.at,
      at,
      minutes,
      roles,
      directorAdded: !roles.includes(ESCALATION_DIRECTOR_ROLE),
    });
  }
  return result;
}

/** The timeouts already passed at `now` (inclusive, as every boundary: SPEC §2). */
export function passedAckTimeouts(evaluation: Evaluation, timeouts: AckTimeoutMinutes | undefined, now: Date): AckTimeout[] {
  return ackTimeoutsOf(evaluation, timeouts).filter((timeout) => timeout.at.getTime() <= now.getTime());
}

/** The people a re-notification names: the level's pending roles, then the Escalation Director when added. */
export function rolesToNotifyAgain(timeout: Pick<AckTimeout, 'roles' | 'directorAdded'>): string[] {
  return timeout.directorAdded ? [...timeout.roles, ESCALATION_DIRECTOR_ROLE] : [...timeout.roles];
}

/** When each role was told about a ticket (epoch ms): acknowledged in this browser, or noted as notified on the ticket, whichever came first. */
export type ToldRoles = ReadonlyMap<string, number>;

/**
 * The roles told about a ticket, with when: acknowledged in this browser (Mark notified, answered
 * on a notification) or noted as notified on the ticket — what the engine takes a level's role off
 * `pending` for, applied to any role.
 */
export function toldRoles(ticket: Pick<Ticket, 'history'>, acknowledged: Readonly<Record<string, { at: string }>>): Map<string, number> {
  const told = new Map<string, number>();
  const add = (role: string, at: number) => {
    const known = told.get(role);
    told.set(role, Number.isNaN(at) ? Number.NEGATIVE_INFINITY : known === undefined ? at : Math.min(known, at));
  };
  for (const [role, acknowledgement] of Object.entries(acknowledged)) add(role, Date.parse(acknowledgement.at));
  for (const event of ticket.history) if (event.kind === 'notified') add(event.role, event.at.getTime());
  return told;
}

/**
 * The timeouts passed by `now` whose level still had roles untold at the timeout's own instant:
 * the re-notifications the alarm raised (ackTimeoutsOf, judged at that instant rather than now,
 * so a role told after its timeout does not undo the timeout).
 */
export function timeoutsPassedUntold(evaluation: Evaluation, timeouts: AckTimeoutMinutes | undefined, now: Date, told: ToldRoles): AckTimeout[] {
  const everyRole = { ...evaluation, pending: evaluation.notify };
  return ackTimeoutsOf(everyRole, timeouts).flatMap((timeout) => {
    if (timeout.at.getTime() > now.getTime()) return [];
    const roles = timeout.roles.filter((role) => !((told.get(role) ?? Number.POSITIVE_INFINITY) <= timeout.at.getTime()));
    return roles.length === 0 ? [] : [{ ...timeout, roles, directorAdded: !roles.includes(ESCALATION_DIRECTOR_ROLE) }];
  });
}

/**
 * The on-duty Escalation Director a passed timeout added to the people to notify (the alarm's rule
 * and instant, above), while still to tell: the first such timeout, as long as the director is not
 * one of the roles the ticket's levels already notify (listed there, never twice) and was not told
 * since. Null otherwise.
 */
export function directorStillToTell(evaluation: Evaluation, timeouts: AckTimeoutMinutes | undefined, now: Date, told: ToldRoles): AckTimeout | null {
  const added = directorAddedBy(evaluation, timeouts, now, told);
  return added && !told.has(ESCALATION_DIRECTOR_ROLE) ? added : null;
}

/** The passed timeout that added the Escalation Director (told since or not); null when none did. */
export function directorAddedBy(evaluation: Evaluation, timeouts: AckTimeoutMinutes | undefined, now: Date, told: ToldRoles): AckTimeout | null {
  if (evaluation.notify.includes(ESCALATION_DIRECTOR_ROLE)) return null;
  return timeoutsPassedUntold(evaluation, timeouts, now, told).find((timeout) => timeout.directorAdded) ?? null;
}

/** The roles still to tell now: the levels' pending roles, then the Escalation Director a passed timeout added. */
export function rolesStillToTell(evaluation: Evaluation, timeouts: AckTimeoutMinutes | undefined, now: Date, told: ToldRoles): string[] {
  return directorStillToTell(evaluation, timeouts, now, told) ? [...evaluation.pending, ESCALATION_DIRECTOR_ROLE] : [...evaluation.pending];
}

import { ownValue } from '../policy/reserved-names';
import type { Evaluation, Ticket } from '../engine/types';
import type { NativeSlaTarget } from '../helpdesks/contract';
import type { AckNoteMode, PagePerson, PageRowView, PageTicketView, PageTimelineStep } from '../messages/page-view';
import type { Policy } from '../policy/schema';
import { type AckTimeoutMinutes, ackTimeoutsOf, passedAckTimeouts } from '../alarms/ack-timeouts';
import { shownEvaluation } from './shown-evaluation';
import { escalationMessage } from './escalation-message';
import { roleName, roleToTell, type RoleToTell } from './people';
import { directorAdded, type StillToTellContext } from './still-to-tell';
import type { UnavailableReason } from './state';
import type { ViewWords } from './words';

/**
 * The ticket badge and panel (PageTicketView) and a view's row (PageRowView), built from one
 * evaluation: the page renders the answer and judges nothing.
 */

/** Everything a view is built from besides the ticket and its evaluation. */
export interface ViewContext extends StillToTellContext {
  words: ViewWords;
  /** The engineer's acknowledgement timeouts (notification settings); absent: none said. */
  ackTimeouts?: AckTimeoutMinutes;
}

/** What the read behind a ticket view brought. */
export interface TicketRead {
  source: 'api' | 'dom';
  /** Targets of the read this view is made of; null when there was no fresh read. */
  nativeSla: readonly NativeSlaTarget[] | null;
  ackNoteMode: AckNoteMode;
}

const ms = (at: Date | null): number | null => (at === null ? null : at.getTime());

function timeline(evaluation: Evaluation, policy: Policy): PageTimelineStep[] {
  const nextLevel = evaluation.nextLevel?.level;
  return evaluation.levels.map((entry) => ({
    level: entry.level,
    id: entry.id,
    name: entry.name,
    at: ms(entry.at),
    scheduled: entry.scheduled,
    phase: entry.reached ? 'reached' : entry.level === nextLevel ? 'next' : 'later',
    notifyNames: entry.notify.map((role) => roleName(policy, role)),
  }));
}

function people(ticket: Ticket, evaluation: Evaluation, ctx: ViewContext): PagePerson[] {
  const levelOf = new Map<string, number>();
  for (const entry of evaluation.levels) {
    if (!entry.reached) continue;
    for (const role of [...entry.notify, ...entry.onRequest]) if (!levelOf.has(role)) levelOf.set(role, entry.level);
  }
  const pending = new Set(evaluation.pending);
  const person = (toTell: RoleToTell, onRequest: boolean, told = false): PagePerson => ({
    roleId: toTell.roleId,
    name: toTell.roleName,
    holders: toTell.holders,
    level: toTell.addedBy?.level ?? levelOf.get(toTell.roleId) ?? evaluation.level,
    pending: !onRequest && (toTell.addedBy !== undefined ? !told : pending.has(toTell.roleId)),
    onRequest,
    addedByTimeout: toTell.addedBy ?? null,
    message: escalationMessage({ ticket, evaluation, policy: ctx.policy, now: ctx.now, roles: [toTell], words: ctx.words }),
  });
  const due = evaluation.notify.map((role) => person(roleToTell(ctx, evaluation, role), false));
  // Added by a passed acknowledgement timeout, after the levels' roles (never twice: not when already one of them);
  // once told, it stays listed as notified, as a level's role does.
  const director = directorAdded(ctx, ticket, evaluation);
  const onRequest = evaluation.onRequest
    .filter((role) => !evaluation.notify.includes(role) && role !== director?.role.roleId)
    .map((role) => person(roleToTell(ctx, evaluation, role), true));
  return [...due, ...(director ? [person(director.role, false, director.told)] : []), ...onRequest];
}

/** Levels whose roles went unacknowledged past their timeout (the background notified them again, adding the Escalation Director). */
function passedAckTimeoutsView(evaluation: Evaluation, ctx: ViewContext): PageTicketView['ackTimeouts'] {
  return passedAckTimeouts(evaluation, ctx.ackTimeouts, ctx.now).map((timeout) => ({
    level: timeout.level,
    minutes: timeout.minutes,
    directorAdded: timeout.directorAdded,
  }));
}

const earliest = (...instants: Array<Date | null>): Date | null =>
  instants.reduce<Date | null>((first, at) => (at !== null && (first === null || at.getTime() < first.getTime()) ? at : first), null);

export function pageTicketView(ticket: Ticket, evaluation: Evaluation, ctx: ViewContext, read: TicketRead): PageTicketView {
  const { policy, now } = ctx;
  const current = evaluation.levels.find((entry) => entry.level === evaluation.level);
  const next = evaluation.nextLevel;
  const office = ownValue(policy.offices, evaluation.officeId);
  return {
    system: ticket.system,
    ticketId: ticket.id,
    url: ticket.url,
    title: ticket.title,
    openedAt: ticket.createdAt.getTime(),
    state: shownEvaluation(ticket, evaluation, ctx.ackTimeouts, ctx.acknowledged ?? {}, now).state,
    severity: evaluation.severity,
    severityName: evaluation.severity === null ? null : (policy.severities[evaluation.severity]?.name ?? null),
    hotAccount: evaluation.hotAccount === true,
    level: evaluation.level,
    levelName: current?.name ?? evaluation.levelId,
    levelRoleNames: (current?.notify ?? []).map((role) => roleName(policy, role)),
    nextLevel: next
      ? { level: next.level, name: evaluation.levels.find((entry) => entry.level === next.level)?.name ?? next.id, at: ms(next.at) }
      : null,
    nextUpdateDueAt: ms(evaluation.nextUpdateDueAt),
    responseDueAt: ms(evaluation.responseDueAt),
    respondedAt: ms(evaluation.respondedAt),
    clockStart: ms(evaluation.clockStart),
    pausedSince: ms(evaluation.pausedSince),
    explanation: evaluation.explanation,
    ackTimeouts: passedAckTimeoutsView(evaluation, ctx),
    timeline: timeline(evaluation, policy),
    people: people(ticket, evaluation, ctx),
    nativeSla: read.nativeSla?.map((target) => ({ ...target, breachAt: ms(target.breachAt) })) ?? null,
    source: read.source,
    unread: ticket.unread ?? [],
    officeName: office?.name ?? evaluation.officeId,
    officeTimeZone: evaluation.timeZone,
    // A timeout passing changes what the panel says and who is to notify: ask again then too.
    refreshAt: ms(nextTicketViewChangeAt(evaluation, ctx.ackTimeouts, now)),
    // A page read has no history to read a note back from: notes only for API data.
    ackNoteMode: read.source === 'api' ? read.ackNoteMode : 'off',
  };
}

/**
 * A view's row: the state and the deadline it counts down to — the one already missed when the
 * ticket is overdue (so the row says "overdue 12 min"), else the next one ahead. `evaluation` is
 * the one shown (shownEvaluation). The row asks again when it can next change without new data,
 * as the ticket's page does (nextTicketViewChangeAt): at its next state change, or at the minute
 * an acknowledgement timeout passes (the row then reads "notify", the director still to tell).
 */
export function pageRowView(evaluation: Evaluation, ackTimeouts: AckTimeoutMinutes | undefined, now: Date): PageRowView {
  const refreshAt = ms(nextTicketViewChangeAt(evaluation, ackTimeouts, now));
  const row = { id: evaluation.ticketId, state: evaluation.state, refreshAt, unavailable: null };
  if (evaluation.state === 'overdue') {
    const missed = [evaluation.nextUpdateDueAt, evaluation.respondedAt ? null : evaluation.responseDueAt]
      .filter((at): at is Date => at !== null && at.getTime() <= now.getTime())
      .sort((a, b) => a.getTime() - b.getTime())[0];
    if (missed) return { ...row, deadlineAt: missed.getTime() };
  }
  return { ...row, deadlineAt: ms(evaluation.nextDeadline?.at ?? null) };
}

/**
 * A row whose ticket history is not known yet: neutral, no countdown. The row is read again
 * once the history is in (`refreshAt` null: nothing to wait for on the clock).
 */
export function checkingRowView(id: string): PageRowView {
  return { id, state: 'checking', deadlineAt: null, refreshAt: null, unavailable: null };
}

/**
 * A row whose history the helpdesk will not give (404, 403, left out of the list read): final
 * and neutral — no countdown, never "overdue", not read again at this version — with the reason
 * the badge explains.
 */
export function unavailableRowView(id: string, reason: UnavailableReason): PageRowView {
  return { id, state: 'unavailable', deadlineAt: null, refreshAt: null, unavailable: reason };
}

/**
 * When the evaluation's state can next change without new data: the next deadline or the
 * moment its warning window opens, whichever comes first after now.
 */
export function nextStateChangeAt(evaluation: Evaluation, now: Date): Date | null {
  const candidates = [evaluation.warnAt, evaluation.nextDeadline?.at ?? null, evaluation.nextLevel?.at ?? null]
    .filter((at): at is Date => at !== null && at.getTime() > now.getTime())
    .sort((a, b) => a.getTime() - b.getTime());
  return candidates[0] ?? null;
}

/**
 * When a ticket's view can next change without new data: its state (nextStateChangeAt) or an
 * acknowledgement timeout passing (the Escalation Director joins the people to notify).
 */
export function nextTicketViewChangeAt(evaluation: Evaluation, ackTimeouts: AckTimeoutMinutes | undefined, now: Date): Date | null {
  const nextTimeout = ackTimeoutsOf(evaluation, ackTimeouts).find((timeout) => timeout.at.getTime() > now.getTime())?.at ?? null;
  return earliest(nextStateChangeAt(evaluation, now), nextTimeout);
}

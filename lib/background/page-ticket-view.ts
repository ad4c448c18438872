import type { Evaluation, Ticket } from '../engine/types';
import type { NativeSlaTarget } from '../helpdesks/contract';
import type { AckNoteMode, PagePerson, PageRowView, PageTicketView, PageTimelineStep } from '../messages/page-view';
import type { Policy } from '../policy/schema';
import type { EscalationMessage } from '../queue/escalation-message';

/**
 * Turns a ticket, its evaluation and the policy into the names and instants a helpdesk page
 * shows (PageTicketView): the page renders the answer and judges nothing. Pure: the escalation
 * message composer comes in as an argument.
 */

export interface PageViewExtras {
  source: 'api' | 'dom';
  /** Targets of the read this view is made of; null when there was no fresh read. */
  nativeSla: readonly NativeSlaTarget[] | null;
  ackNoteMode: AckNoteMode;
  now: Date;
  /** The copy-message / email text for one role. */
  messageFor: (roleId: string) => EscalationMessage;
}

const ms = (at: Date | null): number | null => (at === null ? null : at.getTime());

const roleName = (policy: Policy, role: string): string => policy.roles[role]?.name ?? role;

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

function people(evaluation: Evaluation, policy: Policy, messageFor: PageViewExtras['messageFor']): PagePerson[] {
  const levelOf = new Map<string, number>();
  for (const entry of evaluation.levels) {
    if (!entry.reached) continue;
    for (const role of [...entry.notify, ...entry.onRequest]) if (!levelOf.has(role)) levelOf.set(role, entry.level);
  }
  const pending = new Set(evaluation.pending);
  const person = (role: string, onRequest: boolean): PagePerson => ({
    roleId: role,
    name: roleName(policy, role),
    level: levelOf.get(role) ?? evaluation.level,
    pending: !onRequest && pending.has(role),
    onRequest,
    message: messageFor(role),
  });
  const due = evaluation.notify.map((role) => person(role, false));
  const onRequest = evaluation.onRequest.filter((role) => !evaluation.notify.includes(role)).map((role) => person(role, true));
  return [...due, ...onRequest];
}

export function pageTicketView(ticket: Ticket, evaluation: Evaluation, policy: Policy, extras: PageViewExtras): PageTicketView {
  const current = evaluation.levels.find((entry) => entry.level === evaluation.level);
  const next = evaluation.nextLevel;
  const office = policy.offices[evaluation.officeId];
  return {
    system: ticket.system,
    ticketId: ticket.id,
    url: ticket.url,
    title: ticket.title,
    openedAt: ticket.createdAt.getTime(),
    state: evaluation.state,
    severity: evaluation.severity,
    severityName: evaluation.severity === null ? null : (policy.severities[evaluation.severity]?.name ?? null),
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
    timeline: timeline(evaluation, policy),
    people: people(evaluation, policy, extras.messageFor),
    nativeSla: extras.nativeSla?.map((target) => ({ ...target, breachAt: ms(target.breachAt) })) ?? null,
    source: extras.source,
    officeName: office?.name ?? evaluation.officeId,
    officeTimeZone: evaluation.timeZone,
    refreshAt: ms(nextStateChangeAt(evaluation, extras.now)),
    // A page read has no history to read a note back from: notes only for API data.
    ackNoteMode: extras.source === 'api' ? extras.ackNoteMode : 'off',
  };
}

/**
 * The deadline a row counts down to: the one already missed when the ticket is overdue (so the
 * row says "overdue 12 min"), else the next one ahead.
 */
export function pageRowView(evaluation: Evaluation, now: Date): PageRowView {
  const row = { id: evaluation.ticketId, state: evaluation.state, refreshAt: ms(nextStateChangeAt(evaluation, now)) };
  if (evaluation.state === 'overdue') {
    const missed = [evaluation.nextUpdateDueAt, evaluation.respondedAt ? null : evaluation.responseDueAt]
      .filter((at): at is Date => at !== null && at.getTime() <= now.getTime())
      .sort((a, b) => a.getTime() - b.getTime())[0];
    if (missed) return { ...row, deadlineAt: missed.getTime() };
  }
  return { ...row, deadlineAt: ms(evaluation.nextDeadline?.at ?? null) };
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

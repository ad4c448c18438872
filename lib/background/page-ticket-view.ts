import type { RowBadgeView } from '../../components/ticket/RowBadge';
import type { NativeSlaComparison, PersonToNotify, TicketView, TimelineStep } from '../../components/ticket/ticket-view';
import type { Evaluation, Ticket } from '../engine/types';
import type { Policy } from '../policy/schema';

/** Turns a ticket, its evaluation and the policy into the names and instants the UI shows. */

const roleName = (policy: Policy, role: string): string => policy.roles[role]?.name ?? role;

function timeline(evaluation: Evaluation, policy: Policy): TimelineStep[] {
  const nextLevel = evaluation.nextLevel?.level;
  return evaluation.levels.map((entry) => ({
    level: entry.level,
    id: entry.id,
    name: entry.name,
    at: entry.at,
    scheduled: entry.scheduled,
    phase: entry.reached ? 'reached' : entry.level === nextLevel ? 'next' : 'later',
    notifyNames: entry.notify.map((role) => roleName(policy, role)),
  }));
}

function people(evaluation: Evaluation, policy: Policy): PersonToNotify[] {
  const levelOf = new Map<string, number>();
  for (const entry of evaluation.levels) {
    if (!entry.reached) continue;
    for (const role of [...entry.notify, ...entry.onRequest]) if (!levelOf.has(role)) levelOf.set(role, entry.level);
  }
  const pending = new Set(evaluation.pending);
  const due = evaluation.notify.map((role) => ({
    roleId: role,
    name: roleName(policy, role),
    level: levelOf.get(role) ?? evaluation.level,
    pending: pending.has(role),
    onRequest: false,
  }));
  const onRequest = evaluation.onRequest
    .filter((role) => !evaluation.notify.includes(role))
    .map((role) => ({
      roleId: role,
      name: roleName(policy, role),
      level: levelOf.get(role) ?? evaluation.level,
      pending: false,
      onRequest: true,
    }));
  return [...due, ...onRequest];
}

export function buildTicketView(
  ticket: Ticket,
  evaluation: Evaluation,
  policy: Policy,
  extra: { source: 'api' | 'dom'; nativeSla: NativeSlaComparison[] },
): TicketView {
  const current = evaluation.levels.find((entry) => entry.level === evaluation.level);
  const next = evaluation.nextLevel;
  const office = policy.offices[evaluation.officeId];
  return {
    system: ticket.system,
    ticketId: ticket.id,
    url: ticket.url,
    title: ticket.title,
    openedAt: ticket.createdAt,
    state: evaluation.state,
    severity: evaluation.severity,
    severityName: evaluation.severity === null ? null : (policy.severities[evaluation.severity]?.name ?? null),
    level: evaluation.level,
    levelName: current?.name ?? evaluation.levelId,
    levelRoleNames: (current?.notify ?? []).map((role) => roleName(policy, role)),
    nextLevel: next
      ? { level: next.level, name: evaluation.levels.find((entry) => entry.level === next.level)?.name ?? next.id, at: next.at }
      : null,
    nextUpdateDueAt: evaluation.nextUpdateDueAt,
    responseDueAt: evaluation.responseDueAt,
    respondedAt: evaluation.respondedAt,
    clockStart: evaluation.clockStart,
    pausedSince: evaluation.pausedSince,
    explanation: evaluation.explanation,
    timeline: timeline(evaluation, policy),
    people: people(evaluation, policy),
    nativeSla: extra.nativeSla,
    source: extra.source,
    officeName: office?.name ?? evaluation.officeId,
    officeTimeZone: evaluation.timeZone,
  };
}

/**
 * The deadline a row counts down to: the one already missed when the ticket is overdue (so the
 * row says "overdue 12 min"), else the next one ahead.
 */
export function rowBadgeView(evaluation: Evaluation, now: Date): RowBadgeView {
  if (evaluation.state === 'overdue') {
    const missed = [evaluation.nextUpdateDueAt, evaluation.respondedAt ? null : evaluation.responseDueAt]
      .filter((at): at is Date => at !== null && at.getTime() <= now.getTime())
      .sort((a, b) => a.getTime() - b.getTime())[0];
    if (missed) return { state: evaluation.state, nextDeadlineAt: missed };
  }
  return { state: evaluation.state, nextDeadlineAt: evaluation.nextDeadline?.at ?? null };
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

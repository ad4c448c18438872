import { calendarFor, type OfficeCalendar } from '../calendar';
import type { Policy } from '../policy/schema';
import {
  compiledPolicyOf,
  severityPolicyOf,
  type CompiledPolicy,
  type CompiledSeverity,
  type Target,
} from './compiled-policy';
import { countedBetween, deadlineOf, UNKNOWN, warnStartOf } from './counted-time';
import { explainEvaluation, explainUnknownSeverity } from './explain';
import { readHistoryAt, type TicketHistoryAtNow } from './ticket-history';
import type {
  Evaluation,
  EvaluationState,
  LevelTimelineEntry,
  Ticket,
  UpcomingDeadline,
  UpdateRule,
} from './types';

/**
 * Where a ticket stands under the policy at `now` (SPEC §2–3): clock, level, response, next
 * update, who to notify, state and explanation. Pure: everything comes in as arguments.
 * Internally all instants are epoch ms and "unknown" is NaN; Dates are made only for the result.
 */
export function evaluate(ticket: Ticket, policy: Policy, now: Date, acknowledged: readonly string[] = []): Evaluation {
  const nowMs = now.getTime();
  const compiled = compiledPolicyOf(policy);
  const cal = calendarFor(policy, ticket.office);
  const history = readHistoryAt(ticket, nowMs, compiled.pausedStatuses);
  if (history.severity === null) return unknownSeverityEvaluation(ticket, cal, nowMs, history, compiled);

  const severity = history.severity;
  const severityPolicy = severityPolicyOf(compiled, severity);
  const { clockStart, pauses } = history;
  const pausedNow = compiled.pausedStatuses.has(history.status);

  const levels = compiled.levels;
  const levelAt: number[] = new Array<number>(levels.length);
  let levelIndex = 0;
  for (let i = 0; i < levels.length; i++) {
    const target = i === 0 ? null : (severityPolicy.escalate[i] ?? null);
    const at = i === 0 ? clockStart : target ? deadlineOf(cal, target, clockStart, pauses) : UNKNOWN;
    levelAt[i] = at;
    if (at <= nowMs) levelIndex = i;
  }
  let nextLevelIndex = -1;
  for (let i = levelIndex + 1; i < levels.length; i++) {
    if (severityPolicy.escalate[i]) {
      nextLevelIndex = i;
      break;
    }
  }

  const responseDueAt = severityPolicy.response ? deadlineOf(cal, severityPolicy.response, clockStart, pauses) : UNKNOWN;
  const respondedAt = history.respondedAt;
  const responded = !Number.isNaN(respondedAt);

  let updateRule: UpdateRule | null = null;
  let updateTarget: Target | null = null;
  let updateDueAt = UNKNOWN;
  if (!pausedNow) {
    if (!responded) {
      if (severityPolicy.response) {
        updateRule = 'response';
        updateDueAt = responseDueAt;
      }
    } else {
      const afterWorkaround = !Number.isNaN(history.workaroundAt) ? severityPolicy.afterWorkaround : null;
      updateTarget = afterWorkaround ?? severityPolicy.every;
      if (updateTarget) {
        updateRule = afterWorkaround ? 'afterWorkaround' : 'every';
        updateDueAt = deadlineOf(cal, updateTarget, history.lastReplyAt, pauses);
      }
    }
  }

  const notify: string[] = [];
  const onRequest: string[] = [];
  for (let i = 0; i < levels.length; i++) {
    if (!(levelAt[i]! <= nowMs)) continue;
    const level = levels[i]!;
    for (const role of level.notify) if (!notify.includes(role)) notify.push(role);
    for (const role of level.onRequest) if (!onRequest.includes(role)) onRequest.push(role);
  }
  const onRequestOnly = onRequest.filter((role) => !notify.includes(role));
  const pending = notify.filter((role) => !acknowledged.includes(role) && !history.notifiedRoles.includes(role));

  const nextLevelAt = nextLevelIndex >= 0 ? levelAt[nextLevelIndex]! : UNKNOWN;
  const upcoming = upcomingDeadline(nowMs, nextLevelAt, responded ? UNKNOWN : responseDueAt, updateDueAt, updateRule);
  const warnAt = upcoming
    ? warnAtFor(cal, compiled, severityPolicy, upcoming.kind, upcoming.at, updateRule === 'response' ? clockStart : history.lastReplyAt, clockStart)
    : UNKNOWN;

  let state: EvaluationState;
  if (history.status === 'solved') state = 'stopped';
  else if (pausedNow) state = 'paused';
  else if (nowMs >= updateDueAt || (!responded && nowMs >= responseDueAt)) state = 'overdue';
  else if (pending.length > 0) state = 'notify';
  else if (nowMs >= warnAt) state = 'warning';
  else state = 'ok';

  const countedKind = severityPolicy.countedKind ?? 'wall';
  const countedMs = countedBetween(cal, countedKind, clockStart, nowMs, pauses);

  const explanation = explainEvaluation({
    cal,
    nowMs,
    compiled,
    history,
    severity,
    severityPolicy,
    countedMs,
    countedKind,
    levelIndex,
    levelAt,
    nextLevelIndex,
    responseDueAt,
    updateDueAt,
    updateRule,
    updateTarget,
    notify,
    pending,
    onRequest: onRequestOnly,
  });

  const nextLevel = nextLevelIndex >= 0 ? levels[nextLevelIndex]! : null;
  return {
    ticketId: ticket.id,
    severity,
    state,
    clockStart: new Date(clockStart),
    level: levels.length > 0 ? levelIndex + 1 : 0,
    levelId: levels[levelIndex]?.id ?? '',
    nextLevel: nextLevel ? { level: nextLevelIndex + 1, id: nextLevel.id, at: dateOrNull(nextLevelAt) } : null,
    responseDueAt: dateOrNull(responseDueAt),
    respondedAt: dateOrNull(respondedAt),
    nextUpdateDueAt: dateOrNull(updateDueAt),
    notify,
    pending,
    explanation,
    officeId: cal.id,
    timeZone: cal.timeZone,
    status: history.status,
    clockStartReason: history.clockStartReason,
    raisedFrom: history.raisedFrom,
    countedMs,
    countedKind,
    pausedSince: dateOrNull(history.pausedSince),
    levels: levelTimeline(compiled, severityPolicy, levelAt, nowMs),
    onRequest: onRequestOnly,
    workaroundAt: dateOrNull(history.workaroundAt),
    lastReplyAt: dateOrNull(history.lastReplyAt),
    updateRule,
    nextDeadline: upcoming ? { kind: upcoming.kind, at: new Date(upcoming.at), warnAt: dateOrNull(warnAt) } : null,
    warnAt: dateOrNull(warnAt),
  };
}

interface Upcoming {
  kind: UpcomingDeadline['kind'];
  at: number;
}

/** The earliest of the deadlines still ahead; on a tie the update wins (it is the one the customer sees). */
function upcomingDeadline(
  nowMs: number,
  nextLevelAt: number,
  unmetResponseAt: number,
  updateDueAt: number,
  updateRule: UpdateRule | null,
): Upcoming | null {
  let best: Upcoming | null = null;
  if (updateDueAt > nowMs) best = { kind: updateRule === 'response' ? 'response' : 'update', at: updateDueAt };
  if (unmetResponseAt > nowMs && (!best || unmetResponseAt < best.at)) best = { kind: 'response', at: unmetResponseAt };
  if (nextLevelAt > nowMs && (!best || nextLevelAt < best.at)) best = { kind: 'level', at: nextLevelAt };
  return best;
}

function warnAtFor(
  cal: OfficeCalendar,
  compiled: CompiledPolicy,
  severityPolicy: CompiledSeverity,
  kind: Upcoming['kind'],
  deadlineMs: number,
  updateClockStart: number,
  clockStart: number,
): number {
  const warnBefore = severityPolicy.warnBefore;
  if (!warnBefore) return UNKNOWN;
  const anchor = kind === 'update' ? updateClockStart : clockStart;
  return warnStartOf(cal, warnBefore, deadlineMs, anchor, compiled.businessDayLengthMs.get(cal.id) ?? 0);
}

function levelTimeline(
  compiled: CompiledPolicy,
  severityPolicy: CompiledSeverity,
  levelAt: readonly number[],
  nowMs: number,
): LevelTimelineEntry[] {
  return compiled.levels.map((level, i) => {
    const at = levelAt[i] ?? UNKNOWN;
    return {
      level: i + 1,
      id: level.id,
      name: level.name,
      scheduled: i === 0 || (severityPolicy.escalate[i] ?? null) !== null,
      at: dateOrNull(at),
      reached: at <= nowMs,
      notify: level.notify,
      onRequest: level.onRequest,
    };
  });
}

function unknownSeverityEvaluation(
  ticket: Ticket,
  cal: OfficeCalendar,
  nowMs: number,
  history: TicketHistoryAtNow,
  compiled: CompiledPolicy,
): Evaluation {
  return {
    ticketId: ticket.id,
    severity: null,
    state: 'unknown',
    clockStart: null,
    level: 0,
    levelId: '',
    nextLevel: null,
    responseDueAt: null,
    respondedAt: null,
    nextUpdateDueAt: null,
    notify: [],
    pending: [],
    explanation: explainUnknownSeverity(cal, nowMs, history),
    officeId: cal.id,
    timeZone: cal.timeZone,
    status: history.status,
    clockStartReason: null,
    raisedFrom: null,
    countedMs: 0,
    countedKind: null,
    pausedSince: dateOrNull(history.pausedSince),
    levels: compiled.levels.map((level, i) => ({
      level: i + 1,
      id: level.id,
      name: level.name,
      scheduled: false,
      at: null,
      reached: false,
      notify: level.notify,
      onRequest: level.onRequest,
    })),
    onRequest: [],
    workaroundAt: dateOrNull(history.workaroundAt),
    lastReplyAt: dateOrNull(history.lastReplyAt),
    updateRule: null,
    nextDeadline: null,
    warnAt: null,
  };
}

function dateOrNull(ms: number): Date | null {
  return Number.isFinite(ms) ? new Date(ms) : null;
}

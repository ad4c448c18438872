import { calendarFor, type OfficeCalendar } from '../calendar';
import type { Policy } from '../policy/schema';
import {
  compiledPolicyOf,
  mergeRoles,
  organizationKey,
  severityPolicyOf,
  type CompiledPolicy,
  type CompiledSeverity,
  type Target,
} from './compiled-policy';
import { CountedClock, UNKNOWN, warnStartOf } from './counted-time';
import { explainEvaluation, explainUnknownCreation, explainUnknownSeverity } from './explain';
import { readHistoryAt, type TicketHistoryAtNow } from './ticket-history';
import type { Evaluation, EvaluationState, LevelTimelineEntry, Ticket, UpcomingDeadline, UpdateRule } from './types';

/**
 * Where a ticket stands under the policy at `now` (SPEC §2–3): clock, level, response, next
 * update, who to notify, state and explanation. Pure: everything comes in as arguments.
 *
 * Runs for every ticket on every background wake (SPEC §5 budget: ~5 µs), so instants are
 * epoch ms internally with NaN for "unknown", and the result reuses Dates: those of the input
 * (clock start, replies, pause start) and one per distinct deadline. Treat them as immutable.
 */
export function evaluate(ticket: Ticket, policy: Policy, now: Date, acknowledged: readonly string[] = []): Evaluation {
  const compiled = compiledPolicyOf(policy);
  const hot = isHotAccount(ticket, compiled);
  const evaluation = evaluateTicket(hot ? asHotAccount(ticket) : ticket, policy, compiled, now, acknowledged);
  if (hot) {
    evaluation.hotAccount = true;
    evaluation.explanation = hotAccountExplanation(evaluation.explanation, ticket.organization ?? '');
  }
  if (ticket.gaps && ticket.gaps.length > 0) evaluation.explanation = [...evaluation.explanation, ...ticket.gaps];
  return evaluation;
}

function isHotAccount(ticket: Ticket, compiled: CompiledPolicy): boolean {
  return compiled.hotAccounts.size > 0 && !!ticket.organization && compiled.hotAccounts.has(organizationKey(ticket.organization));
}

/**
 * SPEC §1: a hot account's ticket is evaluated as if it had been Sev 1 since it was opened,
 * whatever its priority: without severity events, the current value holds since creation.
 */
function asHotAccount(ticket: Ticket): Ticket {
  return { ...ticket, severity: 1, history: ticket.history.filter((event) => event.kind !== 'severity') };
}

const SEV_1_SINCE = 'Sev 1 since ';

/** "Sev 1 since 14:02 (ticket opened)" → "Sev 1 · hot account (Globex) since 14:02 (ticket opened)". */
function hotAccountExplanation(lines: string[], organization: string): string[] {
  const [first, ...rest] = lines;
  const hotSince = `Sev 1 · hot account (${organization.trim()}) since `;
  if (first?.startsWith(SEV_1_SINCE)) return [hotSince + first.slice(SEV_1_SINCE.length), ...rest];
  return [`Sev 1 · hot account (${organization.trim()})`, ...lines];
}

function evaluateTicket(
  ticket: Ticket,
  policy: Policy,
  compiled: CompiledPolicy,
  now: Date,
  acknowledged: readonly string[],
): Evaluation {
  const nowMs = now.getTime();
  const cal = calendarFor(policy, ticket.office);
  const history = readHistoryAt(ticket, nowMs, compiled.pausing);
  // A page read that could not tell when the ticket was opened: no clock can be placed (issue 13).
  if (ticket.unread?.includes('createdAt')) {
    return unknownClockEvaluation(ticket, cal, history, compiled, history.severity, explainUnknownCreation(cal, nowMs, history));
  }
  if (history.severity === null) {
    const unreadable = ticket.unread?.includes('severity') === true;
    return unknownClockEvaluation(ticket, cal, history, compiled, null, explainUnknownSeverity(cal, nowMs, history, unreadable));
  }

  const severity = history.severity;
  const severityPolicy = severityPolicyOf(compiled, severity);
  const { clockStart, pauses } = history;
  const pausedNow = compiled.pausing[history.status];
  const clock = new CountedClock(cal, clockStart, pauses);

  // Levels: level 1 at the clock start, each later one at its target's deadline.
  const levels = compiled.levels;
  const levelAt: number[] = [];
  let levelIndex = 0;
  let reachedInOrder = true;
  for (let i = 0; i < levels.length; i++) {
    const target = i === 0 ? null : (severityPolicy.escalate[i] ?? null);
    const at = i === 0 ? clockStart : target ? clock.deadline(target) : UNKNOWN;
    levelAt.push(at);
    if (at <= nowMs) {
      if (i > 0 && levelIndex !== i - 1) reachedInOrder = false;
      levelIndex = i;
    }
  }
  let nextLevelIndex = -1;
  for (let i = levelIndex + 1; i < levels.length; i++) {
    if (severityPolicy.escalate[i]) {
      nextLevelIndex = i;
      break;
    }
  }

  // Response and next update.
  const responseDueAt = severityPolicy.response ? clock.deadline(severityPolicy.response) : UNKNOWN;
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
      const afterWorkaround = Number.isNaN(history.workaroundAt) ? null : severityPolicy.afterWorkaround;
      updateTarget = afterWorkaround ?? severityPolicy.every;
      if (updateTarget) {
        updateRule = afterWorkaround ? 'afterWorkaround' : 'every';
        updateDueAt = new CountedClock(cal, history.lastReplyAt, pauses).deadline(updateTarget);
      }
    }
  }

  // Roles: cumulative over the levels reached (a precomputed prefix in the usual case).
  const roles =
    (reachedInOrder ? compiled.cumulativeRoles[levelIndex] : undefined) ??
    mergeRoles(levels.filter((_, i) => levelAt[i]! <= nowMs), compiled.roleNames);
  const notify = roles.notify.slice();
  const onRequest = roles.onRequest.slice();
  const pending = pendingRoles(notify, acknowledged, history.notifiedRoles);

  // The earliest deadline ahead, and when its warning window opens.
  const nextLevelAt = nextLevelIndex >= 0 ? levelAt[nextLevelIndex]! : UNKNOWN;
  const unmetResponseAt = responded ? UNKNOWN : responseDueAt;
  let upcomingKind: UpcomingDeadline['kind'] | null = null;
  let upcomingAt = Number.POSITIVE_INFINITY;
  if (updateDueAt > nowMs) {
    upcomingKind = updateRule === 'response' ? 'response' : 'update';
    upcomingAt = updateDueAt;
  }
  if (unmetResponseAt > nowMs && unmetResponseAt < upcomingAt) {
    upcomingKind = 'response';
    upcomingAt = unmetResponseAt;
  }
  if (nextLevelAt > nowMs && nextLevelAt < upcomingAt) {
    upcomingKind = 'level';
    upcomingAt = nextLevelAt;
  }
  const warnAt =
    upcomingKind !== null && severityPolicy.warnBefore
      ? warnStartOf(
          cal,
          severityPolicy.warnBefore,
          upcomingAt,
          upcomingKind === 'update' ? history.lastReplyAt : clockStart,
          compiled.businessDayLengthMs.get(cal.id) ?? 0,
        )
      : UNKNOWN;

  let state: EvaluationState;
  if (history.status === 'solved') state = 'stopped';
  else if (pausedNow) state = 'paused';
  else if (nowMs >= updateDueAt || (!responded && nowMs >= responseDueAt)) state = 'overdue';
  else if (pending.length > 0) state = 'notify';
  else if (nowMs >= warnAt) state = 'warning';
  else state = 'ok';

  const countedKind = severityPolicy.countedKind ?? 'wall';
  const countedMs = clock.countedUntil(countedKind, nowMs);

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
    roles,
    pending,
  });

  // One Date per distinct instant; deadlines that coincide share it.
  const dates = history.dates;
  const timeline = levelTimeline(compiled, severityPolicy, levelAt, dates.clockStart, nowMs);
  const nextLevelDate = nextLevelIndex >= 0 ? (timeline[nextLevelIndex]?.at ?? null) : null;
  const responseDate = dateOrNull(responseDueAt);
  const updateDate = updateRule === 'response' ? responseDate : dateOrNull(updateDueAt);
  const warnDate = dateOrNull(warnAt);
  const upcomingDate =
    upcomingKind === 'level' ? nextLevelDate : upcomingKind === 'update' ? updateDate : upcomingKind ? responseDate : null;

  const nextLevel = nextLevelIndex >= 0 ? levels[nextLevelIndex]! : null;
  return {
    ticketId: ticket.id,
    severity,
    state,
    clockStart: dates.clockStart,
    level: levels.length > 0 ? levelIndex + 1 : 0,
    levelId: levels[levelIndex]?.id ?? '',
    nextLevel: nextLevel ? { level: nextLevelIndex + 1, id: nextLevel.id, at: nextLevelDate } : null,
    responseDueAt: responseDate,
    respondedAt: dates.respondedAt,
    nextUpdateDueAt: updateDate,
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
    pausedSince: dates.pausedSince,
    levels: timeline,
    onRequest,
    workaroundAt: dates.workaroundAt,
    lastReplyAt: dates.lastReplyAt,
    updateRule,
    nextDeadline: upcomingKind !== null && upcomingDate ? { kind: upcomingKind, at: upcomingDate, warnAt: warnDate } : null,
    warnAt: warnDate,
  };
}

/** notify minus the roles acknowledged locally or recorded as notified on the ticket. */
function pendingRoles(notify: readonly string[], acknowledged: readonly string[], notified: readonly string[]): string[] {
  if (acknowledged.length === 0 && notified.length === 0) return notify.slice();
  const pending: string[] = [];
  for (const role of notify) if (!acknowledged.includes(role) && !notified.includes(role)) pending.push(role);
  return pending;
}

function levelTimeline(
  compiled: CompiledPolicy,
  severityPolicy: CompiledSeverity,
  levelAt: readonly number[],
  clockStartDate: Date,
  nowMs: number,
): LevelTimelineEntry[] {
  const levels = compiled.levels;
  const timeline: LevelTimelineEntry[] = [];
  for (let i = 0; i < levels.length; i++) {
    const level = levels[i]!;
    timeline.push({
      level: i + 1,
      id: level.id,
      name: level.name,
      scheduled: i === 0 || (severityPolicy.escalate[i] ?? null) !== null,
      at: i === 0 ? clockStartDate : dateOrNull(levelAt[i]!),
      reached: levelAt[i]! <= nowMs,
      notify: level.notify,
      onRequest: level.onRequest,
    });
  }
  return timeline;
}

/** No clock runs: the severity is unknown (unset or unreadable), or the creation time is. */
function unknownClockEvaluation(
  ticket: Ticket,
  cal: OfficeCalendar,
  history: TicketHistoryAtNow,
  compiled: CompiledPolicy,
  severity: Evaluation['severity'],
  explanation: string[],
): Evaluation {
  return {
    ticketId: ticket.id,
    severity,
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
    explanation,
    officeId: cal.id,
    timeZone: cal.timeZone,
    status: history.status,
    clockStartReason: null,
    raisedFrom: null,
    countedMs: 0,
    countedKind: null,
    pausedSince: history.dates.pausedSince,
    levels: compiled.levels.map((level, i) => ({
      level: i + 1,
      id: level.id,
      name: level.name,
      // Creation unknown, severity known: the levels this severity has, at times not known.
      scheduled: severity !== null && (i === 0 || (severityPolicyOf(compiled, severity).escalate[i] ?? null) !== null),
      at: null,
      reached: false,
      notify: level.notify,
      onRequest: level.onRequest,
    })),
    onRequest: [],
    workaroundAt: history.dates.workaroundAt,
    lastReplyAt: history.dates.lastReplyAt,
    updateRule: null,
    nextDeadline: null,
    warnAt: null,
  };
}

function dateOrNull(ms: number): Date | null {
  return Number.isFinite(ms) ? new Date(ms) : null;
}

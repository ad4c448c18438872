import type { PausingStatuses } from './compiled-policy';
import type { ClockStartReason, Severity, Status, Ticket, TicketEvent } from './types';

/**
 * What a ticket's history says at instant `now` (SPEC §3 history semantics): only events at or
 * before `now` count; before the first event of a kind the severity is unknown and the status
 * `active`; a kind with no events at all held the ticket's current value since `createdAt`.
 * All instants are epoch ms.
 */
export interface TicketHistoryAtNow {
  severity: Severity | null;
  /** When the current severity value began (createdAt when it never changed). */
  severitySince: number;
  /** The value before the latest severity change, null when there was none. */
  severityBefore: Severity | null;
  clockStart: number;
  clockStartReason: ClockStartReason;
  raisedFrom: Severity | null;
  status: Status;
  statusSince: number;
  /**
   * Paused spans as a flat sorted list [start0, end0, start1, end1, …]; the last end is
   * +Infinity when the ticket is paused now (the future is assumed to stay in the current status).
   */
  pauses: number[];
  /** Start of the pause in progress, NaN when not paused now. */
  pausedSince: number;
  /** First public reply in [clockStart, now], NaN when none. */
  respondedAt: number;
  /** Latest public reply at or before now, NaN when none. */
  lastReplyAt: number;
  /** When a workaround was first given, NaN when not (yet). */
  workaroundAt: number;
  /** Roles recorded on the ticket as notified. */
  notifiedRoles: readonly string[];
  /**
   * The input Dates behind clockStart, respondedAt, lastReplyAt, workaroundAt and pausedSince
   * (null when the instant is NONE), handed out as is so evaluating allocates fewer Dates.
   */
  dates: {
    clockStart: Date;
    respondedAt: Date | null;
    lastReplyAt: Date | null;
    workaroundAt: Date | null;
    pausedSince: Date | null;
  };
}

const NONE = Number.NaN;

export function readHistoryAt(ticket: Ticket, nowMs: number, pausing: PausingStatuses): TicketHistoryAtNow {
  const history = ticket.history;
  const createdAt = ticket.createdAt.getTime();

  // One pass. Whether a kind has events at all is only known at the end, so the pass assumes
  // it has (severity unknown, status active before the first event) and the end corrects it.
  let hasSeverityEvents = false;
  let hasStatusEvents = false;
  let hasWorkaroundEvents = false;

  let severity: Severity | null = null;
  let severitySince = createdAt;
  let severityBefore: Severity | null = null;
  let clockStart = createdAt;
  let clockStartReason: ClockStartReason = 'created';
  let raisedFrom: Severity | null = null;

  let status: Status = 'active';
  let statusSince = createdAt;
  let pauses: number[] = [];
  let pauseStart = pausing[status] ? createdAt : NONE;

  let lastReplyAt = NONE;
  let clockStartDate = ticket.createdAt;
  let respondedDate: Date | null = null;
  let lastReplyDate: Date | null = null;
  let workaroundDate: Date | null = null;
  let pauseStartDate: Date | null = pausing[status] ? ticket.createdAt : null;
  let notifiedRoles: string[] | null = null;

  let previousAt = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < history.length; i++) {
    const event = history[i]!;
    const at = event.at.getTime();
    // History is documented oldest first; a mapper bug must not reorder time, so sort a copy.
    if (at < previousAt) return readHistoryAt({ ...ticket, history: inTimeOrder(history) }, nowMs, pausing);
    previousAt = at;
    const kind = event.kind;
    if (at > nowMs) {
      if (kind === 'severity') hasSeverityEvents = true;
      else if (kind === 'status') hasStatusEvents = true;
      else if (kind === 'workaround') hasWorkaroundEvents = true;
      continue;
    }
    switch (kind) {
      case 'publicReply':
        if (respondedDate === null && at >= clockStart) respondedDate = event.at;
        lastReplyAt = at;
        lastReplyDate = event.at;
        break;
      case 'severity': {
        hasSeverityEvents = true;
        const to = event.to;
        if (to === severity) break;
        if (to !== null && (severity === null || to < severity)) {
          // A raise (or a first severity) restarts the clock; never before the ticket existed.
          clockStart = at > createdAt ? at : createdAt;
          clockStartDate = at > createdAt ? event.at : ticket.createdAt;
          clockStartReason = severity !== null ? 'raised' : at > createdAt ? 'set' : 'created';
          raisedFrom = severity;
          // Only replies on the new clock respond; one at the very instant of the raise counts.
          respondedDate = lastReplyAt === clockStart ? lastReplyDate : null;
        }
        severityBefore = severity;
        severity = to;
        severitySince = at;
        break;
      }
      case 'status': {
        hasStatusEvents = true;
        const to = event.to;
        if (to === status) break;
        const wasPaused = pausing[status];
        const isPaused = pausing[to];
        if (!wasPaused && isPaused) {
          pauseStart = at;
          pauseStartDate = event.at;
        } else if (wasPaused && !isPaused) {
          pauses.push(pauseStart, at);
          pauseStart = NONE;
          pauseStartDate = null;
        }
        status = to;
        statusSince = at;
        break;
      }
      case 'workaround':
        hasWorkaroundEvents = true;
        workaroundDate ??= event.at;
        break;
      case 'notified':
        (notifiedRoles ??= []).push(event.role);
        break;
    }
  }

  // Kinds without any event held the ticket's current value since createdAt.
  if (!hasSeverityEvents) severity = ticket.severity;
  if (!hasStatusEvents) {
    status = ticket.status;
    statusSince = createdAt;
    pauses = [];
    pauseStart = pausing[status] ? createdAt : NONE;
    pauseStartDate = pausing[status] ? ticket.createdAt : null;
  }
  if (!hasWorkaroundEvents && ticket.workaround) workaroundDate = ticket.createdAt;
  if (!Number.isNaN(pauseStart)) pauses.push(pauseStart, Number.POSITIVE_INFINITY);

  return {
    severity,
    severitySince,
    severityBefore,
    clockStart,
    clockStartReason,
    raisedFrom,
    status,
    statusSince,
    pauses,
    pausedSince: pauseStart,
    respondedAt: respondedDate ? respondedDate.getTime() : NONE,
    lastReplyAt,
    workaroundAt: workaroundDate ? workaroundDate.getTime() : NONE,
    notifiedRoles: notifiedRoles ?? NO_ROLES,
    dates: {
      clockStart: clockStartDate,
      respondedAt: respondedDate,
      lastReplyAt: lastReplyDate,
      workaroundAt: workaroundDate,
      pausedSince: pauseStartDate,
    },
  };
}

const NO_ROLES: readonly string[] = [];

function inTimeOrder(history: readonly TicketEvent[]): TicketEvent[] {
  return [...history].sort((a, b) => a.at.getTime() - b.at.getTime());
}

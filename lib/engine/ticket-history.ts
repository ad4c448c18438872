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
  notifiedRoles: string[];
}

const NONE = Number.NaN;

export function readHistoryAt(ticket: Ticket, nowMs: number, pausedStatuses: ReadonlySet<Status>): TicketHistoryAtNow {
  const history = inTimeOrder(ticket.history);
  const createdAt = ticket.createdAt.getTime();

  let hasSeverityEvents = false;
  let hasStatusEvents = false;
  let hasWorkaroundEvents = false;
  for (const event of history) {
    if (event.kind === 'severity') hasSeverityEvents = true;
    else if (event.kind === 'status') hasStatusEvents = true;
    else if (event.kind === 'workaround') hasWorkaroundEvents = true;
  }

  let severity: Severity | null = hasSeverityEvents ? null : ticket.severity;
  let severitySince = createdAt;
  let severityBefore: Severity | null = null;
  let clockStart = createdAt;
  let clockStartReason: ClockStartReason = 'created';
  let raisedFrom: Severity | null = null;

  let status: Status = hasStatusEvents ? 'active' : ticket.status;
  let statusSince = createdAt;
  const pauses: number[] = [];
  let pauseStart = pausedStatuses.has(status) ? statusSince : NONE;

  let workaroundAt = !hasWorkaroundEvents && ticket.workaround ? createdAt : NONE;
  let notifiedRoles: string[] | null = null;

  for (const event of history) {
    const at = event.at.getTime();
    if (at > nowMs) break;
    switch (event.kind) {
      case 'severity': {
        const to = event.to;
        if (to === severity) break;
        if (to !== null && (severity === null || to < severity)) {
          // A raise (or a first severity) restarts the clock; never before the ticket existed.
          clockStart = at > createdAt ? at : createdAt;
          clockStartReason = severity !== null ? 'raised' : at > createdAt ? 'set' : 'created';
          raisedFrom = severity;
        }
        severityBefore = severity;
        severity = to;
        severitySince = at;
        break;
      }
      case 'status': {
        if (event.to === status) break;
        const wasPaused = pausedStatuses.has(status);
        const isPaused = pausedStatuses.has(event.to);
        if (!wasPaused && isPaused) pauseStart = at;
        else if (wasPaused && !isPaused) {
          pauses.push(pauseStart, at);
          pauseStart = NONE;
        }
        status = event.to;
        statusSince = at;
        break;
      }
      case 'workaround':
        if (Number.isNaN(workaroundAt)) workaroundAt = at;
        break;
      case 'notified':
        (notifiedRoles ??= []).push(event.role);
        break;
      case 'publicReply':
        break;
    }
  }
  if (!Number.isNaN(pauseStart)) pauses.push(pauseStart, Number.POSITIVE_INFINITY);

  // Replies are read once the final clock start is known: only those on the current clock respond.
  let respondedAt = NONE;
  let lastReplyAt = NONE;
  for (const event of history) {
    if (event.kind !== 'publicReply') continue;
    const at = event.at.getTime();
    if (at > nowMs) break;
    if (at >= clockStart && Number.isNaN(respondedAt)) respondedAt = at;
    lastReplyAt = at;
  }

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
    pausedSince: Number.isNaN(pauseStart) ? NONE : pauseStart,
    respondedAt,
    lastReplyAt,
    workaroundAt,
    notifiedRoles: notifiedRoles ?? [],
  };
}

/** History is documented oldest first; a mapper bug should not reorder time, so sort a copy if needed. */
function inTimeOrder(history: readonly TicketEvent[]): readonly TicketEvent[] {
  for (let i = 1; i < history.length; i++) {
    if (history[i]!.at.getTime() < history[i - 1]!.at.getTime()) {
      return [...history].sort((a, b) => a.at.getTime() - b.at.getTime());
    }
  }
  return history;
}

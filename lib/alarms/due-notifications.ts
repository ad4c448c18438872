import { type AlarmEvent, type AlarmTicket, type EventOptions, ticketAlarmEvents } from './alarm-events';
import { inQuietHours, type QuietHours } from './quiet-hours';

/**
 * Which notifications to raise now, and which keys to record as shown (before showing, so a
 * restart can never show them twice). Pure.
 *
 * - Each (ticket, event) key is shown once; a key already in `shown` never comes back.
 * - Snooze holds a ticket's notifications until it ends; quiet hours hold Sev 3–4 until they end
 *   (Sev 1–2 always notify). Held events are not recorded, so they show when the hold ends.
 * - A level whose roles are all acknowledged (no pending role) is recorded silently.
 * - A level due together with its own acknowledgement timeout (first seen late, or slept through)
 *   shows both, the level first: past its start + timeout, the Escalation Director is never left out.
 * - Lower levels reached at the same time as a higher one are recorded silently (the higher
 *   one lists every role still pending, cumulatively) unless they passed during sleep, when they
 *   count in the summary; a warning for a level already due is recorded silently too.
 * - Deadlines that passed while the computer slept (due after the last check and more than
 *   `sleepGapMs` ago) are reported together in one summary when there are several.
 */

export interface DueOptions extends EventOptions {
  quietHours: QuietHours;
  /** The engineer's time zone, for quiet hours. */
  timeZone: string;
  /** A deadline due more than this long ago, after the last check, was missed while asleep. */
  sleepGapMs?: number;
}

export type PlannedNotification =
  | { kind: 'event'; id: string; event: AlarmEvent; ticket: AlarmTicket }
  | { kind: 'summary'; id: string; events: Array<{ event: AlarmEvent; ticket: AlarmTicket }> };

export interface DuePlan {
  notifications: PlannedNotification[];
  /** ticket key → notification keys to record as shown (everything shown or silenced now). */
  toRecord: Map<string, string[]>;
}

export const DEFAULT_SLEEP_GAP_MS = 5 * 60_000;

/** Kinds still worth reporting when they passed during sleep (a re-notification is a page that went unanswered). */
const DEADLINE_KINDS = new Set<AlarmEvent['kind']>(['level', 'response', 'update', 'ack-timeout']);

/** Whether a ticket's notifications are held right now (and will come later). */
export function isHeld(ticket: AlarmTicket, now: Date, options: Pick<DueOptions, 'quietHours' | 'timeZone'>): boolean {
  if (ticket.snoozedUntil && Date.parse(ticket.snoozedUntil) > now.getTime()) return true;
  const severity = ticket.evaluation.severity;
  return (severity === 3 || severity === 4) && inQuietHours(options.quietHours, now, options.timeZone);
}

export function dueEventsOf(ticket: AlarmTicket, now: Date, options: EventOptions): AlarmEvent[] {
  const nowMs = now.getTime();
  return ticketAlarmEvents(ticket, options).filter(
    (event) =>
      event.at.getTime() <= nowMs &&
      !(event.key in ticket.shown) &&
      // A warning is only worth showing before its deadline.
      (event.kind === 'warn-level' || event.kind === 'warn-update' ? nowMs < event.deadline.getTime() : true),
  );
}

type Verdict = 'show' | 'silent' | 'superseded';

/** Decides, per due event of one ticket, whether to show it or record it silently. */
function triage(ticket: AlarmTicket, due: AlarmEvent[]): Array<{ event: AlarmEvent; verdict: Verdict }> {
  const levels = due.filter((e) => e.kind === 'level');
  const top = levels.reduce<AlarmEvent | null>((best, e) => ((e.level?.level ?? 0) > (best?.level?.level ?? 0) ? e : best), null);
  const noPending = ticket.evaluation.pending.length === 0;
  return due.map((event) => {
    const acknowledged = event.kind === 'level' ? noPending : event.kind === 'reminder' && (event.roles ?? ticket.evaluation.pending).length === 0;
    const levelAlsoDue = event.kind === 'warn-level' && levels.some((l) => l.level?.id === event.level?.id);
    // A reminder adds nothing to a level start or a re-notification shown at the same wake.
    const reminderWithLevel = event.kind === 'reminder' && (top !== null || due.some((e) => e.kind === 'ack-timeout'));
    if (acknowledged || levelAlsoDue || reminderWithLevel) return { event, verdict: 'silent' };
    if (event.kind === 'level' && event !== top) return { event, verdict: 'superseded' };
    return { event, verdict: 'show' };
  });
}

export function dueNotifications(
  tickets: readonly AlarmTicket[],
  lastCheckedAt: Date | null,
  now: Date,
  options: DueOptions,
): DuePlan {
  const sleepGap = options.sleepGapMs ?? DEFAULT_SLEEP_GAP_MS;
  const toRecord = new Map<string, string[]>();
  const record = (event: AlarmEvent) => {
    const keys = toRecord.get(event.ticketKey) ?? [];
    keys.push(event.key);
    toRecord.set(event.ticketKey, keys);
  };
  const onTime: PlannedNotification[] = [];
  const missed: Array<{ event: AlarmEvent; ticket: AlarmTicket; superseded: boolean }> = [];

  for (const ticket of tickets) {
    const due = dueEventsOf(ticket, now, options);
    if (due.length === 0 || isHeld(ticket, now, options)) continue;
    for (const { event, verdict } of triage(ticket, due)) {
      record(event);
      if (verdict === 'silent') continue;
      const atMs = event.at.getTime();
      // Held by a snooze or quiet hours at the time is not "missed": it was deliberately deferred.
      const late =
        lastCheckedAt !== null &&
        atMs > lastCheckedAt.getTime() &&
        now.getTime() - atMs > sleepGap &&
        !isHeld(ticket, event.at, options);
      // A lower level reached together with a higher one is news only in the sleep summary.
      if (!late && verdict === 'show') onTime.push({ kind: 'event', id: event.key, event, ticket });
      // A late warning or reminder is stale news: recorded, not shown.
      else if (late && DEADLINE_KINDS.has(event.kind)) missed.push({ event, ticket, superseded: verdict === 'superseded' });
    }
  }

  const notifications = [...onTime];
  if (missed.length === 1) {
    const [only] = missed;
    // Alone, a superseded level adds nothing to the higher level shown for the same ticket.
    if (only && !only.superseded) notifications.push({ kind: 'event', id: only.event.key, event: only.event, ticket: only.ticket });
  } else if (missed.length > 1) {
    missed.sort((a, b) => a.event.at.getTime() - b.event.at.getTime());
    const events = missed.map(({ event, ticket }) => ({ event, ticket }));
    notifications.push({ kind: 'summary', id: `summary|${now.toISOString()}`, events });
  }
  notifications.sort((a, b) => instantOf(a) - instantOf(b));
  return { notifications, toRecord };
}

function instantOf(plan: PlannedNotification): number {
  return plan.kind === 'event' ? plan.event.at.getTime() : (plan.events[0]?.event.at.getTime() ?? 0);
}

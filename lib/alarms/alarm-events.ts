import type { Evaluation, Severity, Ticket } from '../engine/types';
import { type AckTimeoutMinutes, ackTimeoutsOf, rolesStillToTell, rolesToNotifyAgain, toldRoles } from './ack-timeouts';
import { ESCALATION_DIRECTOR_ROLE } from '../people/people-for';

/**
 * The instants that matter for one ticket — a level starts, a response or customer update falls
 * due, a warning before either, a reminder while roles are still to notify — each with a stable
 * key, so "(ticket, event)" can be shown exactly once. Pure: everything comes in as arguments.
 */

export type AlarmEventKind = 'level' | 'warn-level' | 'response' | 'update' | 'warn-update' | 'reminder' | 'ack-timeout';

export interface AlarmEvent {
  /** Stable key: `${ticketKey}|${kind}|${what}|${instant}`; also the notification id. */
  key: string;
  ticketKey: string;
  kind: AlarmEventKind;
  /** When the event comes due (for a warning: when its window opens). */
  at: Date;
  /** The deadline it is about (equal to `at` for levels, responses and updates). */
  deadline: Date;
  /** For 'level', 'warn-level' and 'ack-timeout'. */
  level?: { level: number; id: string; name: string; notify: readonly string[] };
  /** For 'reminder': the roles still to tell at its instant (the Escalation Director last, when a passed timeout added it). */
  roles?: readonly string[];
  /** For 'ack-timeout': the roles notified again (the Escalation Director last, when added) and after how long. */
  ackTimeout?: { minutes: number; roles: readonly string[]; directorAdded: boolean; levelStartedAt: Date };
}

/** What the alarm logic needs to know about one watched ticket. */
export interface AlarmTicket {
  key: string;
  ticket: Ticket;
  evaluation: Evaluation;
  /** Notification key → ISO instant it was shown. */
  shown: Readonly<Record<string, string>>;
  snoozedUntil?: string;
  organization?: string;
  /** Roles acknowledged in this browser, with when (the watched entry's): a director told is not added again. */
  acknowledged?: Readonly<Record<string, { at: string }>>;
}

export interface WarningLeads {
  /** Minutes of warning per severity, from the settings; absent → the policy's. */
  override: Partial<Record<'1' | '2' | '3' | '4', number>>;
  /** The policy's warnBefore in wall-clock minutes; null for business units (the engine's warnAt is used). */
  policy: Partial<Record<Severity, number | null>>;
}

export interface EventOptions {
  leads: WarningLeads;
  /** 0 turns reminders off. */
  reminderMinutes: number;
  /** Minutes per severity after a level starts before its still-pending roles are notified again (0 or absent: off). */
  ackTimeouts?: AckTimeoutMinutes;
}

const MS_PER_MINUTE = 60_000;
export const ticketEventKey = (ticketKey: string, kind: AlarmEventKind, what: string, at: Date) =>
  `${ticketKey}|${kind}|${what}|${at.toISOString()}`;

/** When the warning before `deadline` opens, or null when there is none. */
function warningStart(evaluation: Evaluation, deadline: Date, leads: WarningLeads): Date | null {
  const severity = evaluation.severity;
  if (severity === null) return null;
  const override = leads.override[String(severity) as '1' | '2' | '3' | '4'];
  const minutes = override ?? leads.policy[severity] ?? null;
  if (minutes !== null && minutes !== undefined) {
    return minutes > 0 ? new Date(deadline.getTime() - minutes * MS_PER_MINUTE) : null;
  }
  // Business-time warnBefore: only the engine can place it, and it does for the nearest deadline.
  const next = evaluation.nextDeadline;
  return next && next.at.getTime() === deadline.getTime() ? next.warnAt : null;
}

/** Kinds whose key is about a notify round (a level start, a reminder of it, or its re-notification). */
const isNotifyRound = (key: string) => key.includes('|level|') || key.includes('|reminder|') || key.includes('|ack-timeout|');

function lastNotifyRoundShownAt(shown: Readonly<Record<string, string>>): number | null {
  let latest: number | null = null;
  for (const [key, at] of Object.entries(shown)) {
    if (!isNotifyRound(key)) continue;
    const ms = Date.parse(at);
    if (Number.isFinite(ms) && (latest === null || ms > latest)) latest = ms;
  }
  return latest;
}

/**
 * The events of one ticket object under one options object, computed once: a wake asks for them
 * several times per ticket (is it safe, what is due, when next). Tickets and options are never
 * changed in place (a new `shown` is a new ticket object), so the object pair names the answer;
 * the array is frozen, as callers share it.
 */
const eventsOf = new WeakMap<AlarmTicket, { options: EventOptions; events: AlarmEvent[] }>();

export function ticketAlarmEvents(item: AlarmTicket, options: EventOptions): AlarmEvent[] {
  const known = eventsOf.get(item);
  if (known && known.options === options) return known.events;
  const events = Object.freeze(computeTicketAlarmEvents(item, options)) as AlarmEvent[];
  eventsOf.set(item, { options, events });
  return events;
}

function computeTicketAlarmEvents(item: AlarmTicket, options: EventOptions): AlarmEvent[] {
  const { evaluation, key: ticketKey } = item;
  if (evaluation.state === 'unknown' || evaluation.state === 'stopped' || evaluation.state === 'paused') return [];
  const events: AlarmEvent[] = [];
  const clockStart = evaluation.clockStart;
  for (const level of evaluation.levels) {
    if (level.level <= 1 || !level.scheduled || !level.at || !clockStart) continue;
    const levelInfo = { level: level.level, id: level.id, name: level.name, notify: level.notify };
    events.push({
      key: ticketEventKey(ticketKey, 'level', level.id, clockStart),
      ticketKey,
      kind: 'level',
      at: level.at,
      deadline: level.at,
      level: levelInfo,
    });
    const warnAt = level.reached ? null : warningStart(evaluation, level.at, options.leads);
    if (warnAt) {
      events.push({
        key: ticketEventKey(ticketKey, 'warn-level', level.id, level.at),
        ticketKey,
        kind: 'warn-level',
        at: warnAt,
        deadline: level.at,
        level: levelInfo,
      });
    }
  }
  const due = evaluation.nextUpdateDueAt;
  if (due) {
    const kind = evaluation.updateRule === 'response' ? 'response' : 'update';
    events.push({ key: ticketEventKey(ticketKey, kind, 'due', due), ticketKey, kind, at: due, deadline: due });
    const warnAt = warningStart(evaluation, due, options.leads);
    if (warnAt) {
      events.push({ key: ticketEventKey(ticketKey, 'warn-update', kind, due), ticketKey, kind: 'warn-update', at: warnAt, deadline: due });
    }
  }
  if (clockStart) {
    // The Escalation Director, once told (after an earlier level's timeout), is not added again.
    const directorTold = toldRoles(item.ticket, item.acknowledged ?? {}).has(ESCALATION_DIRECTOR_ROLE);
    // One per level and clock: the key has no instant of its own, so a pause moving the level
    // (and its timeout) later can never bring a second re-notification for the same roles.
    for (const found of ackTimeoutsOf(evaluation, options.ackTimeouts)) {
      const timeout = directorTold ? { ...found, directorAdded: false } : found;
      events.push({
        key: ticketEventKey(ticketKey, 'ack-timeout', timeout.levelId, clockStart),
        ticketKey,
        kind: 'ack-timeout',
        at: timeout.at,
        deadline: timeout.at,
        level: { level: timeout.level, id: timeout.levelId, name: timeout.levelName, notify: timeout.roles },
        ackTimeout: {
          minutes: timeout.minutes,
          roles: rolesToNotifyAgain(timeout),
          directorAdded: timeout.directorAdded,
          levelStartedAt: timeout.levelStartedAt,
        },
      });
    }
  }
  if (options.reminderMinutes > 0) {
    const last = lastNotifyRoundShownAt(item.shown);
    if (last !== null) {
      const at = new Date(last + options.reminderMinutes * MS_PER_MINUTE);
      // Everyone still to tell then: the levels' pending roles and the director a passed timeout added.
      const roles = rolesStillToTell(evaluation, options.ackTimeouts, at, toldRoles(item.ticket, item.acknowledged ?? {}));
      if (roles.length > 0) {
        events.push({ key: ticketEventKey(ticketKey, 'reminder', evaluation.levelId, at), ticketKey, kind: 'reminder', at, deadline: at, roles });
      }
    }
  }
  return events;
}

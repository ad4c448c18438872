import type { AlarmTicket } from '../alarms/alarm-events';
import type { PlannedNotification } from '../alarms/due-notifications';
import type { Evaluation } from '../engine/types';
import type { AcknowledgementHow, RecordedAcknowledgement, RecordedLevel, RecordedNotification } from '../storage/escalation-record';
import type { TicketFacts } from './record-updates';

/**
 * What goes into the escalation record, built from what the background already knows: an
 * evaluation, the notifications it raised, an acknowledgement. Pure.
 */

export function ticketFacts(key: string, item: Pick<AlarmTicket, 'ticket' | 'evaluation'>): TicketFacts {
  return { key, system: item.ticket.system, id: item.ticket.id, title: item.ticket.title, url: item.ticket.url, severity: item.evaluation.severity };
}

/** The levels of the current clock reached by now, level 1 (the clock start) included. */
export function reachedLevels(evaluation: Evaluation): RecordedLevel[] {
  return evaluation.levels.flatMap((level) =>
    level.reached && level.at !== null ? [{ level: level.level, levelId: level.id, at: level.at.toISOString() }] : [],
  );
}

/** The level that brought a role in on the current clock, and when it started (null: not yet). */
export function roleLevel(evaluation: Evaluation, role: string): { level: number; startedAt: Date | null } {
  const entry = evaluation.levels.find((level) => level.notify.includes(role) || level.onRequest.includes(role));
  if (!entry) return { level: Math.max(1, evaluation.level), startedAt: null };
  return { level: entry.level, startedAt: entry.reached ? entry.at : null };
}

function rolesAsked(planned: Extract<PlannedNotification, { kind: 'event' }>): string[] {
  const { event, ticket } = planned;
  switch (event.kind) {
    case 'ack-timeout':
      return [...(event.ackTimeout?.roles ?? [])];
    case 'level':
      return [...ticket.evaluation.pending];
    case 'reminder':
      return [...(event.roles ?? ticket.evaluation.pending)];
    case 'warn-level':
      return [...(event.level?.notify ?? [])];
    default:
      return [];
  }
}

/** Per ticket key, the notifications raised now (a sleep summary is listed under each of its tickets). */
export function raisedNotifications(planned: readonly PlannedNotification[], shownIds: ReadonlySet<string>, at: Date): Map<string, RecordedNotification[]> {
  const byTicket = new Map<string, RecordedNotification[]>();
  const add = (key: string, notification: RecordedNotification) => byTicket.set(key, [...(byTicket.get(key) ?? []), notification]);
  for (const plan of planned) {
    if (!shownIds.has(plan.id)) continue;
    if (plan.kind === 'event') {
      add(plan.ticket.key, { id: plan.id, kind: plan.event.kind, at: at.toISOString(), level: plan.event.level?.level ?? null, roles: rolesAsked(plan).slice(0, 20) });
    } else {
      for (const { event, ticket } of plan.events) {
        add(ticket.key, { id: plan.id, kind: 'summary', at: at.toISOString(), level: event.level?.level ?? null, roles: [] });
      }
    }
  }
  return byTicket;
}

export interface AcknowledgementInput {
  role: string;
  at: Date;
  how: AcknowledgementHow;
  noteWritten: boolean;
  /** Who was told; null when not known. */
  person: string | null;
  channel?: string | null;
  /**
   * A role no level of the policy brings in, added by an acknowledgement timeout (the on-duty
   * Escalation Director): the level that timed out and its start, from which the delay counts.
   */
  addedBy?: { level: number; startedAt: Date };
}

export function acknowledgementEntry(evaluation: Evaluation, input: AcknowledgementInput): RecordedAcknowledgement {
  const { level, startedAt } = input.addedBy ?? roleLevel(evaluation, input.role);
  return {
    role: input.role,
    level,
    levelStartedAt: startedAt ? startedAt.toISOString() : null,
    at: input.at.toISOString(),
    how: input.how,
    person: input.person === null ? null : input.person.slice(0, 200),
    channel: input.channel ? input.channel.slice(0, 50) : null,
    noteWritten: input.noteWritten,
  };
}

/**
 * Acknowledgements read back from notes on the ticket ('notified' events) for roles due on the
 * current clock; notes from before the clock started belong to an earlier escalation.
 */
export function noteAcknowledgements(
  item: Pick<AlarmTicket, 'ticket' | 'evaluation'>,
  /** A role an acknowledgement timeout added (the on-duty Escalation Director): its note counts too, at the level that timed out. */
  added?: { role: string; level: number; startedAt: Date },
): RecordedAcknowledgement[] {
  const { evaluation } = item;
  const clockStart = evaluation.clockStart?.getTime();
  if (clockStart === undefined) return [];
  const due = new Set([...evaluation.notify, ...evaluation.onRequest, ...(added ? [added.role] : [])]);
  const seen = new Set<string>();
  const acks: RecordedAcknowledgement[] = [];
  for (const event of item.ticket.history) {
    if (event.kind !== 'notified' || event.at.getTime() < clockStart || !due.has(event.role) || seen.has(event.role)) continue;
    seen.add(event.role);
    const addedBy = added && event.role === added.role && !evaluation.notify.includes(added.role) ? { addedBy: { level: added.level, startedAt: added.startedAt } } : {};
    acks.push(acknowledgementEntry(evaluation, { role: event.role, at: event.at, how: 'note', noteWritten: true, person: null, ...addedBy }));
  }
  return acks;
}

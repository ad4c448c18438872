import type { Evaluation, Severity, Status, Ticket } from '../../lib/engine/types';
import type { MessageKey } from '../../lib/i18n';

/**
 * The rows of a ticket's timeline: what happened (severity changes, pauses, replies, workaround,
 * notifications) and the levels and deadlines reached and to come, in time order. Pure: the
 * component turns message keys into words and instants into both time zones.
 */

export type TimelinePhase = 'past' | 'future' | 'unscheduled';

export type TimelineKind =
  | 'created'
  | 'severity'
  | 'pause'
  | 'resume'
  | 'solved'
  | 'reopened'
  | 'reply'
  | 'workaround'
  | 'notified'
  | 'level'
  | 'response'
  | 'update';

export interface TimelineEntry {
  key: string;
  at: Date | null;
  phase: TimelinePhase;
  kind: TimelineKind;
  message: MessageKey;
  substitutions: Array<string | number>;
  /** Role ids the entry is about (a level's notify roles, the role notified). */
  roles: readonly string[];
  /** A level's on-request roles: shown, never nagging. */
  onRequest: readonly string[];
}

// At the same instant, what happened reads before what it caused (a raise before the level it starts).
const KIND_ORDER: Record<TimelineKind, number> = {
  created: 0,
  severity: 1,
  reopened: 2,
  resume: 2,
  pause: 3,
  solved: 3,
  reply: 4,
  workaround: 5,
  notified: 6,
  level: 7,
  response: 8,
  update: 9,
};

function severityEntries(ticket: Ticket): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  let previous: Severity | null = null;
  let seen = false;
  ticket.history.forEach((event, index) => {
    if (event.kind !== 'severity') return;
    const to = event.to;
    let message: MessageKey;
    let substitutions: Array<string | number>;
    if (to === null) {
      message = 'timelineSeverityCleared';
      substitutions = [];
    } else if (!seen || previous === null) {
      message = seen ? 'timelineSeverityRaised' : 'timelineSeveritySet';
      substitutions = seen ? ['—', to] : [to];
    } else if (to < previous) {
      message = 'timelineSeverityRaised';
      substitutions = [previous, to];
    } else if (to > previous) {
      message = 'timelineSeverityLowered';
      substitutions = [previous, to];
    } else {
      return;
    }
    seen = true;
    previous = to;
    entries.push(pastEntry(`severity-${index}`, event.at, 'severity', message, substitutions));
  });
  return entries;
}

function statusEntries(ticket: Ticket, pauseWhile: readonly Status[]): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  let previous: Status = 'active';
  const stops = (status: Status) => status === 'solved' || pauseWhile.includes(status);
  ticket.history.forEach((event, index) => {
    if (event.kind !== 'status' || event.to === previous) return;
    const key = `status-${index}`;
    if (event.to === 'solved') entries.push(pastEntry(key, event.at, 'solved', 'timelineSolved', []));
    else if (previous === 'solved') entries.push(pastEntry(key, event.at, 'reopened', 'timelineReopened', []));
    else if (stops(event.to)) entries.push(pastEntry(key, event.at, 'pause', 'timelinePaused', []));
    else if (stops(previous)) entries.push(pastEntry(key, event.at, 'resume', 'timelineResumed', []));
    previous = event.to;
  });
  return entries;
}

function pastEntry(
  key: string,
  at: Date,
  kind: TimelineKind,
  message: MessageKey,
  substitutions: Array<string | number>,
  roles: readonly string[] = [],
): TimelineEntry {
  return { key, at, phase: 'past', kind, message, substitutions, roles, onRequest: [] };
}

function eventEntries(ticket: Ticket, evaluation: Evaluation): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  const firstResponse = evaluation.respondedAt?.getTime();
  ticket.history.forEach((event, index) => {
    const key = `${event.kind}-${index}`;
    if (event.kind === 'publicReply') {
      const first = event.at.getTime() === firstResponse;
      entries.push(pastEntry(key, event.at, 'reply', first ? 'timelineFirstResponse' : 'timelineReply', []));
    } else if (event.kind === 'workaround') {
      entries.push(pastEntry(key, event.at, 'workaround', 'timelineWorkaround', []));
    } else if (event.kind === 'notified') {
      entries.push(pastEntry(key, event.at, 'notified', 'timelineNotified', [event.role], [event.role]));
    }
  });
  return entries;
}

function phaseAt(at: Date | null, now: Date): TimelinePhase {
  return at !== null && at.getTime() <= now.getTime() ? 'past' : 'future';
}

function levelEntries(evaluation: Evaluation, now: Date): TimelineEntry[] {
  return evaluation.levels.map((level) => {
    const phase: TimelinePhase = !level.scheduled ? 'unscheduled' : level.reached ? 'past' : phaseAt(level.at, now);
    const message: MessageKey = !level.scheduled
      ? 'timelineLevelUnscheduled'
      : level.at === null
        ? 'timelineLevelWhenClockRuns'
        : phase === 'past'
          ? 'timelineLevelReached'
          : 'timelineLevelStarts';
    return {
      key: `level-${level.level}`,
      at: level.scheduled ? level.at : null,
      phase,
      kind: 'level' as const,
      message,
      substitutions: [level.level, level.name],
      roles: level.notify,
      onRequest: level.onRequest,
    };
  });
}

function deadlineEntries(evaluation: Evaluation, now: Date): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  if (evaluation.respondedAt === null && evaluation.responseDueAt) {
    const phase = phaseAt(evaluation.responseDueAt, now);
    entries.push({
      key: 'response',
      at: evaluation.responseDueAt,
      phase,
      kind: 'response',
      message: phase === 'past' ? 'timelineResponseMissed' : 'timelineResponseDue',
      substitutions: [],
      roles: [],
      onRequest: [],
    });
  } else if (evaluation.nextUpdateDueAt) {
    const phase = phaseAt(evaluation.nextUpdateDueAt, now);
    entries.push({
      key: 'update',
      at: evaluation.nextUpdateDueAt,
      phase,
      kind: 'update',
      message: phase === 'past' ? 'timelineUpdateMissed' : evaluation.updateRule === 'afterWorkaround' ? 'timelineUpdateDueAfterWorkaround' : 'timelineUpdateDue',
      substitutions: [],
      roles: [],
      onRequest: [],
    });
  }
  return entries;
}

export function timelineEntries(
  ticket: Ticket,
  evaluation: Evaluation,
  now: Date,
  pauseWhile: readonly Status[] = ['waiting'],
): TimelineEntry[] {
  const created = pastEntry('created', ticket.createdAt, 'created', 'timelineCreated', []);
  const all = [
    created,
    ...severityEntries(ticket),
    ...statusEntries(ticket, pauseWhile),
    ...eventEntries(ticket, evaluation),
    ...levelEntries(evaluation, now),
    ...deadlineEntries(evaluation, now),
  ];
  // Entries without a time (unscheduled levels, levels waiting for a paused clock) go last.
  return all
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => {
      const atA = a.entry.at?.getTime() ?? Number.POSITIVE_INFINITY;
      const atB = b.entry.at?.getTime() ?? Number.POSITIVE_INFINITY;
      if (atA !== atB) return atA - atB;
      const phase = phaseRank(a.entry.phase) - phaseRank(b.entry.phase);
      if (phase !== 0) return phase;
      return KIND_ORDER[a.entry.kind] - KIND_ORDER[b.entry.kind] || a.index - b.index;
    })
    .map(({ entry }) => entry);
}

function phaseRank(phase: TimelinePhase): number {
  return phase === 'past' ? 0 : phase === 'future' ? 1 : 2;
}

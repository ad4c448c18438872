import type { Evaluation, LevelTimelineEntry, Ticket } from '../../lib/engine/types';
import type { QueueItem } from '../../lib/queue';

/** Hand-written queue rows: an evaluation is stated, not computed, so each test says what it means. */

export const T0 = new Date('2026-07-14T08:00:00Z');
export const minutesAfter = (minutes: number, from: Date = T0): Date => new Date(from.getTime() + minutes * 60_000);

export function ticketFixture(overrides: Partial<Ticket> = {}): Ticket {
  const id = overrides.id ?? '35436';
  const system = overrides.system ?? 'zendesk';
  return {
    system,
    id,
    url: system === 'zendesk' ? `https://acme.zendesk.com/agent/tickets/${id}` : `https://acme.atlassian.net/browse/${id}`,
    title: 'Database cluster down',
    createdAt: T0,
    severity: 1,
    status: 'active',
    office: 'hq',
    workaround: false,
    history: [],
    ...overrides,
  };
}

const levelNames = ['Level 1 support', 'Level 2 support', 'Level 3 support', 'Escalation Director', 'Executive escalation'];
const levelIds = ['l1', 'l2', 'l3', 'director', 'executive'];
const levelNotify: string[][] = [[], ['sales-rep'], ['district-sales-manager'], ['escalation-director'], ['regional-sales-vp', 'vp-engineering', 'cto', 'ceo']];

/** Sev 1 default-policy level times from a clock start: 0, 2 h, 4 h, 6 h, 12 h. */
export function sev1Levels(clockStart: Date, now: Date): LevelTimelineEntry[] {
  const offsets = [0, 120, 240, 360, 720];
  return offsets.map((minutes, index) => {
    const at = minutesAfter(minutes, clockStart);
    return {
      level: index + 1,
      id: levelIds[index] ?? '',
      name: levelNames[index] ?? '',
      scheduled: true,
      at,
      reached: at.getTime() <= now.getTime(),
      notify: levelNotify[index] ?? [],
      onRequest: index === 3 ? ['regional-head-technical-support', 'regional-head-professional-services'] : [],
    };
  });
}

export function evaluationFixture(overrides: Partial<Evaluation> = {}): Evaluation {
  const clockStart = overrides.clockStart === undefined ? T0 : overrides.clockStart;
  const now = minutesAfter(150);
  return {
    ticketId: '35436',
    severity: 1,
    state: 'ok',
    clockStart,
    level: 2,
    levelId: 'l2',
    nextLevel: { level: 3, id: 'l3', at: minutesAfter(240) },
    responseDueAt: minutesAfter(30),
    respondedAt: minutesAfter(10),
    nextUpdateDueAt: minutesAfter(190),
    notify: ['sales-rep'],
    pending: ['sales-rep'],
    explanation: ['Sev 1 since 01:00 · 2 h 30 min counted · level 2 since 03:00 · level 3 at 05:00'],
    officeId: 'hq',
    timeZone: 'America/Los_Angeles',
    status: 'active',
    clockStartReason: 'created',
    raisedFrom: null,
    countedMs: 150 * 60_000,
    countedKind: 'wall',
    pausedSince: null,
    levels: clockStart ? sev1Levels(clockStart, now) : [],
    onRequest: [],
    workaroundAt: null,
    lastReplyAt: minutesAfter(130),
    updateRule: 'every',
    nextDeadline: { kind: 'update', at: minutesAfter(190), warnAt: minutesAfter(175) },
    warnAt: minutesAfter(175),
    ...overrides,
  };
}

export interface QueueItemSpec {
  id: string;
  ticket?: Partial<Ticket>;
  evaluation?: Partial<Evaluation>;
  mine?: boolean;
}

export function queueItem(spec: QueueItemSpec): QueueItem {
  const ticket = ticketFixture({ id: spec.id, ...spec.ticket });
  return {
    key: `${ticket.system}:${ticket.id}`,
    ticket,
    evaluation: evaluationFixture({ ticketId: spec.id, ...spec.evaluation }),
    mine: spec.mine ?? true,
    toTell: [],
    notified: [],
    refreshError: null,
  };
}

/** A deadline-only evaluation: `state` with its next deadline `minutes` after T0. */
export function withDeadline(state: Evaluation['state'], minutes: number | null): Partial<Evaluation> {
  const at = minutes === null ? null : minutesAfter(minutes);
  return {
    state,
    nextLevel: at ? { level: 3, id: 'l3', at } : null,
    nextUpdateDueAt: at,
    responseDueAt: minutesAfter(30),
    respondedAt: minutesAfter(10),
    nextDeadline: at ? { kind: 'level', at, warnAt: null } : null,
  };
}

import { describe, expect, it } from 'vitest';
import { evaluate } from '../../lib/engine/evaluate';
import type { Severity } from '../../lib/engine/types';
import { HOUR, MINUTE, local, plus, reply, samplePolicy, sev, ticket, workaround } from './engine-fixtures';

/**
 * SPEC §1 tables, cell by cell, from tickets opened at awkward moments. Expected instants are
 * worked out from the spec by hand: wall-clock targets are plain elapsed time (so they cross
 * DST changes as real hours), business-day targets are 18:00 local on the n-th business day
 * listed for the moment (the sample policy's holidays and make-up workdays).
 */

interface Moment {
  name: string;
  office: string;
  opened: string;
  /** The first five business dates strictly after the opening date, by hand from the sample policy. */
  businessDays: [string, string, string, string, string];
}

const moments: Moment[] = [
  { name: 'Friday 17:59 in HQ', office: 'hq', opened: '2026-03-06 17:59', businessDays: ['2026-03-09', '2026-03-10', '2026-03-11', '2026-03-12', '2026-03-13'] },
  { name: 'Saturday night of the spring-forward weekend (LA)', office: 'hq', opened: '2026-03-07 22:00', businessDays: ['2026-03-09', '2026-03-10', '2026-03-11', '2026-03-12', '2026-03-13'] },
  { name: 'Saturday before the fall-back night (LA)', office: 'hq', opened: '2026-10-31 20:00', businessDays: ['2026-11-02', '2026-11-03', '2026-11-04', '2026-11-05', '2026-11-06'] },
  { name: 'Sunday 00:30 of the fall-back night (LA)', office: 'hq', opened: '2026-11-01 00:30', businessDays: ['2026-11-02', '2026-11-03', '2026-11-04', '2026-11-05', '2026-11-06'] },
  { name: 'Thanksgiving eve in HQ', office: 'hq', opened: '2026-11-25 17:00', businessDays: ['2026-11-27', '2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03'] },
  { name: 'Monday 10:00 in HQ', office: 'hq', opened: '2026-03-16 10:00', businessDays: ['2026-03-17', '2026-03-18', '2026-03-19', '2026-03-20', '2026-03-23'] },
  { name: 'Saturday before the make-up Sunday in Shanghai', office: 'shanghai', opened: '2026-09-19 10:00', businessDays: ['2026-09-20', '2026-09-21', '2026-09-22', '2026-09-23', '2026-09-24'] },
  { name: 'Friday 17:59 before the make-up Saturday in Shanghai', office: 'shanghai', opened: '2026-10-09 17:59', businessDays: ['2026-10-10', '2026-10-12', '2026-10-13', '2026-10-14', '2026-10-15'] },
  { name: 'Golden Week eve in Shanghai', office: 'shanghai', opened: '2026-09-30 17:00', businessDays: ['2026-10-08', '2026-10-09', '2026-10-10', '2026-10-12', '2026-10-13'] },
  { name: 'holiday eve in Taichung', office: 'taichung', opened: '2026-10-08 17:59', businessDays: ['2026-10-12', '2026-10-13', '2026-10-14', '2026-10-15', '2026-10-16'] },
  { name: 'Christmas Eve in Singapore', office: 'singapore', opened: '2026-12-24 16:00', businessDays: ['2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31', '2027-01-01'] },
  { name: 'Malaysia Day eve in Kuala Lumpur', office: 'malaysia', opened: '2026-09-15 12:00', businessDays: ['2026-09-17', '2026-09-18', '2026-09-21', '2026-09-22', '2026-09-23'] },
];

type Rule = { wall: number } | { businessDays: number };

/** SPEC §1, escalation levels table: when each level starts, per severity. */
const levelTable: Record<1 | 2 | 3, { level: number; id: string; at: Rule }[]> = {
  1: [
    { level: 2, id: 'l2', at: { wall: 2 * HOUR } },
    { level: 3, id: 'l3', at: { wall: 4 * HOUR } },
    { level: 4, id: 'director', at: { wall: 6 * HOUR } },
    { level: 5, id: 'executive', at: { wall: 12 * HOUR } },
  ],
  2: [
    { level: 2, id: 'l2', at: { wall: 4 * HOUR } },
    { level: 3, id: 'l3', at: { wall: 8 * HOUR } },
    { level: 4, id: 'director', at: { wall: 12 * HOUR } },
    { level: 5, id: 'executive', at: { wall: 16 * HOUR } },
  ],
  3: [
    { level: 2, id: 'l2', at: { businessDays: 3 } },
    { level: 3, id: 'l3', at: { businessDays: 4 } },
    { level: 4, id: 'director', at: { businessDays: 5 } },
  ],
};

const responseTable: Record<1 | 2 | 3, Rule> = {
  1: { wall: 30 * MINUTE },
  2: { wall: 2 * HOUR },
  3: { businessDays: 1 },
};

const updateTable: Record<1 | 2 | 3, Rule> = {
  1: { wall: HOUR },
  2: { businessDays: 1 },
  3: { businessDays: 3 },
};

/** Cumulative roles to notify once each level is reached, and the on-request ones (SPEC §1). */
const notifyByLevel: Record<number, { notify: string[]; onRequest: string[] }> = {
  1: { notify: [], onRequest: [] },
  2: { notify: ['sales-rep'], onRequest: [] },
  3: { notify: ['sales-rep', 'district-sales-manager'], onRequest: [] },
  4: {
    notify: ['sales-rep', 'district-sales-manager', 'escalation-director'],
    onRequest: ['regional-head-technical-support', 'regional-head-professional-services'],
  },
  5: {
    notify: ['sales-rep', 'district-sales-manager', 'escalation-director', 'regional-sales-vp', 'vp-engineering', 'cto', 'ceo'],
    onRequest: ['regional-head-technical-support', 'regional-head-professional-services'],
  },
};

function dueAt(moment: Moment, from: Date, rule: Rule): Date {
  if ('wall' in rule) return plus(from, rule.wall);
  const day = moment.businessDays[rule.businessDays - 1]!;
  return local(moment.office, `${day} 18:00`);
}

const severities = [1, 2, 3] as const;

describe.each(moments)('opened $name ($office, $opened local)', (moment) => {
  const opened = local(moment.office, moment.opened);
  const openTicket = (severity: Severity, extra: Parameters<typeof ticket>[0]['history'] = []) =>
    ticket({ office: moment.office, createdAt: opened, severity, history: [sev(opened, severity), ...extra] });

  describe.each(severities)('Sev %i', (severity) => {
    const responseDue = dueAt(moment, opened, responseTable[severity]);

    it('response is due at the table time, overdue from that minute (inclusive)', () => {
      const before = evaluate(openTicket(severity), samplePolicy, plus(responseDue, -MINUTE));
      const at = evaluate(openTicket(severity), samplePolicy, responseDue);
      expect(before.responseDueAt).toEqual(responseDue);
      expect(before.nextUpdateDueAt).toEqual(responseDue);
      expect(before.state).not.toBe('overdue');
      expect(at.state).toBe('overdue');
      expect(at.respondedAt).toBeNull();
    });

    it.each(levelTable[severity])('level $level ($id) starts at the table time, not a minute before', ({ level, id, at: rule }) => {
      const starts = dueAt(moment, opened, rule);
      const before = evaluate(openTicket(severity), samplePolicy, plus(starts, -MINUTE));
      const after = evaluate(openTicket(severity), samplePolicy, starts);
      expect(before.level).toBe(level - 1);
      expect(before.nextLevel).toEqual({ level, id, at: starts });
      expect(before.notify).toEqual(notifyByLevel[level - 1]!.notify);
      expect(after.level).toBe(level);
      expect(after.levelId).toBe(id);
      expect(after.levels[level - 1]).toMatchObject({ id, at: starts, reached: true });
      expect(after.notify).toEqual(notifyByLevel[level]!.notify);
      expect(after.onRequest).toEqual(notifyByLevel[level]!.onRequest);
      expect(after.pending).toEqual(notifyByLevel[level]!.notify);
    });

    it('after a reply, the next update is due at the table cadence, overdue from that minute', () => {
      const replied = plus(opened, 10 * MINUTE);
      const due = dueAt(moment, replied, updateTable[severity]);
      const history = [reply(replied)];
      const before = evaluate(openTicket(severity, history), samplePolicy, plus(due, -MINUTE));
      const at = evaluate(openTicket(severity, history), samplePolicy, due);
      expect(before.respondedAt).toEqual(replied);
      expect(before.nextUpdateDueAt).toEqual(due);
      expect(before.updateRule).toBe('every');
      expect(before.state).not.toBe('overdue');
      expect(at.state).toBe('overdue');
    });
  });

  it('Sev 1 with a workaround given: updates each business day after the latest reply', () => {
    const replied = plus(opened, 10 * MINUTE);
    const due = dueAt(moment, replied, { businessDays: 1 });
    const history = [workaround(plus(opened, 5 * MINUTE)), reply(replied)];
    const before = evaluate(openTicket(1, history), samplePolicy, plus(due, -MINUTE));
    expect(before.nextUpdateDueAt).toEqual(due);
    expect(before.updateRule).toBe('afterWorkaround');
    expect(evaluate(openTicket(1, history), samplePolicy, due).state).toBe('overdue');
  });

  it('Sev 3 never reaches the executive level (no target)', () => {
    const later = plus(opened, 60 * 24 * HOUR);
    const evaluation = evaluate(openTicket(3), samplePolicy, later);
    expect(evaluation.level).toBe(4);
    expect(evaluation.levelId).toBe('director');
    expect(evaluation.nextLevel).toBeNull();
    expect(evaluation.levels[4]).toMatchObject({ id: 'executive', scheduled: false, at: null, reached: false });
    expect(evaluation.notify).not.toContain('ceo');
  });

  it('Sev 4 has no response, no escalation, no update deadline and notifies nobody', () => {
    for (const now of [opened, plus(opened, 13 * HOUR), plus(opened, 60 * 24 * HOUR)]) {
      const evaluation = evaluate(openTicket(4), samplePolicy, now);
      expect(evaluation).toMatchObject({
        severity: 4,
        state: 'ok',
        level: 1,
        levelId: 'l1',
        nextLevel: null,
        responseDueAt: null,
        nextUpdateDueAt: null,
        notify: [],
        pending: [],
        onRequest: [],
      });
    }
  });
});

import { describe, expect, it } from 'vitest';
import {
  earliestAlarm,
  emptyPlan,
  originOfKey,
  type PlanItem,
  planContextOf,
  planFromStored,
  plannedDropCandidates,
  plannedRefreshCandidates,
  plannedSettled,
  plannedStates,
  planToStored,
  recordInPlan,
  selectForWake,
  type WakePlan,
} from '../../lib/background/wake-plan';
import { decodeWakePlan, encodeWakePlan } from '../../lib/storage/wake-plan-item';

const NOW = new Date('2026-07-14T10:00:00.000Z');
const MIN = 60_000;
const LIMITS = { maxTickets: 2000, maxChars: 4_000_000 };
const key = (id: number) => `zendesk:${id}@https://acme.zendesk.com`;

function item(overrides: Partial<PlanItem> = {}): PlanItem {
  return { rev: 1, alarmAt: NOW.getTime() + 30 * MIN, recheckAt: NOW.getTime() + 30 * MIN, open: false, state: 'ok', settled: false, touchedAt: NOW.getTime() - 5 * MIN, seenAt: NOW.getTime() - 60 * MIN, solvedAt: null, ...overrides };
}

function revisionsOf(entries: Array<[number, number]>, epoch = 'e1', size = 1000) {
  return { epoch, revs: new Map(entries.map(([id, rev]) => [key(id), { rev, size }])) };
}

function planWith(items: Array<[number, PlanItem]>, context = 'c1', epoch = 'e1'): WakePlan {
  const plan = emptyPlan();
  plan.context = context;
  plan.epoch = epoch;
  for (const [id, it] of items) recordInPlan(plan, key(id), it);
  return plan;
}

describe('selectForWake', () => {
  it('keeps a ticket whose entry is unchanged and whose instant is still ahead; evaluates new, changed, due and open ones', () => {
    const plan = planWith([
      [1, item()],
      [2, item({ rev: 7 })],
      [3, item({ recheckAt: NOW.getTime() })],
      [4, item({ open: true })],
      [6, item({ alarmAt: null, recheckAt: null })],
    ]);
    const selection = selectForWake(plan, revisionsOf([[1, 1], [2, 8], [3, 1], [4, 1], [5, 1], [6, 1]]), 'c1', NOW, LIMITS);
    expect(selection.whole).toBe(false);
    expect(selection.kept.sort()).toEqual([key(1), key(6)]);
    expect(selection.toEvaluate).toEqual([key(2), key(3), key(4), key(5)]);
  });

  it('voids the plan when the context or the store epoch changed: every ticket is evaluated', () => {
    const otherContext = planWith([[1, item()]], 'c0');
    expect(selectForWake(otherContext, revisionsOf([[1, 1]]), 'c1', NOW, LIMITS)).toEqual({ toEvaluate: [key(1)], kept: [], whole: true, overLimits: false });
    expect(otherContext.items.size).toBe(0);
    expect(otherContext.context).toBe('c1');

    const otherEpoch = planWith([[1, item()]], 'c1', 'e0');
    expect(selectForWake(otherEpoch, revisionsOf([[1, 1]]), 'c1', NOW, LIMITS).whole).toBe(true);
    expect(otherEpoch.epoch).toBe('e1');
  });

  it('forgets the items of tickets no longer watched', () => {
    const plan = planWith([[1, item()], [2, item()]]);
    selectForWake(plan, revisionsOf([[1, 1]]), 'c1', NOW, LIMITS);
    expect([...plan.items.keys()]).toEqual([key(1)]);
  });

  it('says when the store is over its limits, without evaluating every ticket for it; the plan gives the kept ones\' drop order', () => {
    const plan = planWith([[1, item({ seenAt: 5 })], [2, item({ solvedAt: 9 })]]);
    const byCount = selectForWake(plan, revisionsOf([[1, 1], [2, 1]]), 'c1', NOW, { maxTickets: 1, maxChars: 4_000_000 });
    expect(byCount).toMatchObject({ whole: false, overLimits: true, toEvaluate: [] });
    expect(plannedDropCandidates(plan, byCount.kept, revisionsOf([[1, 1], [2, 1]]))).toEqual([
      { key: key(1), solvedAtMs: null, lastSeenAtMs: 5, size: 1000 },
      { key: key(2), solvedAtMs: 9, lastSeenAtMs: NOW.getTime() - 60 * MIN, size: 1000 },
    ]);
    const byChars = planWith([[1, item()], [2, item()]]);
    expect(selectForWake(byChars, revisionsOf([[1, 1], [2, 1]], 'e1', 3000), 'c1', NOW, { maxTickets: 2000, maxChars: 5000 }).overLimits).toBe(true);
  });
});

describe('the plan items', () => {
  it('never looks again later than the next alarm', () => {
    const plan = planWith([[1, item({ alarmAt: NOW.getTime() + MIN, recheckAt: NOW.getTime() + 60 * MIN })], [2, item({ alarmAt: NOW.getTime() + 5 * MIN, recheckAt: null })]]);
    expect(plan.items.get(key(1))?.recheckAt).toBe(NOW.getTime() + MIN);
    expect(plan.items.get(key(2))?.recheckAt).toBe(NOW.getTime() + 5 * MIN);
  });

  it('gives the earliest alarm, the state words of kept tickets and the refresh candidates', () => {
    const plan = planWith([
      [1, item({ alarmAt: NOW.getTime() + 9 * MIN, state: 'notify' })],
      [2, item({ alarmAt: NOW.getTime() + 3 * MIN, state: 'overdue', touchedAt: null })],
      [3, item({ alarmAt: null, recheckAt: null, state: 'ok' })],
    ]);
    expect(earliestAlarm(plan)).toEqual(new Date(NOW.getTime() + 3 * MIN));
    expect(earliestAlarm(emptyPlan())).toBeNull();
    expect(plannedStates(plan, [key(1), key(3), key(9)])).toEqual([{ state: 'notify' }, { state: 'ok' }]);
    expect(plannedRefreshCandidates(plan)).toEqual([
      { key: key(1), origin: 'https://acme.zendesk.com', touchedAt: NOW.getTime() - 5 * MIN },
      { key: key(3), origin: 'https://acme.zendesk.com', touchedAt: NOW.getTime() - 5 * MIN },
    ]);
    expect(originOfKey('jira:OPS@12@https://jira.example.com:8443')).toBe('https://jira.example.com:8443');
    recordInPlan(plan, key(4), item({ settled: true }));
    expect(plannedSettled(plan, [key(1), key(4), key(9)])).toEqual([key(4)]);
  });

  it('survives storage: stored column by column as JSON text, read back equal, and a torn value is refused naming the field', () => {
    const plan = planWith([
      [1, item({ open: true, state: 'warning', settled: true })],
      [2, item({ alarmAt: null, recheckAt: null, touchedAt: null, rev: 42, solvedAt: 77 })],
    ]);
    const stored = planToStored(plan);
    if (stored === null) throw new Error('nothing stored');
    const back = planFromStored(decodeWakePlan(encodeWakePlan(stored)));
    expect({ ...back, changes: 0 }).toEqual({ ...plan, changes: 0 });
    expect(planToStored(emptyPlan())).toBeNull();
    expect(() => decodeWakePlan(encodeWakePlan({ ...stored, revs: [1] }))).toThrow('revs: has 1 values for 2 tickets');
    expect(() => decodeWakePlan(encodeWakePlan({ ...stored, states: ['ok', 'fine' as 'ok'] }))).toThrow('states[1]: expected one of unknown, stopped');
    expect(() => decodeWakePlan(encodeWakePlan({ ...stored, alarmAt: [1.5, null] }))).toThrow('alarmAt[0]: expected an instant');
    expect(() => decodeWakePlan('{"epoch":')).toThrow('not JSON');
    expect(() => decodeWakePlan('[]')).toThrow('not an object');
  });

  it('counts its changes: recording what it already holds changes nothing (nothing is stored again)', () => {
    const plan = planWith([[1, item()]]);
    const before = plan.changes;
    recordInPlan(plan, key(1), item());
    expect(plan.changes).toBe(before);
    recordInPlan(plan, key(1), item({ state: 'notify' }));
    expect(plan.changes).toBe(before + 1);
    selectForWake(plan, revisionsOf([]), 'c1', NOW, LIMITS);
    expect(plan.changes).toBe(before + 2); // its ticket is no longer watched
  });

  it('its context changes with anything evaluations depend on', () => {
    const a = planContextOf([{ severities: 1 }, { reminderMinutes: 30 }]);
    expect(planContextOf([{ severities: 1 }, { reminderMinutes: 30 }])).toBe(a);
    expect(planContextOf([{ severities: 1 }, { reminderMinutes: 31 }])).not.toBe(a);
    expect(planContextOf([{ severities: 2 }, { reminderMinutes: 30 }])).not.toBe(a);
  });
});

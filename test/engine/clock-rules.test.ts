import { describe, expect, it } from 'vitest';
import { evaluate } from '../../lib/engine/evaluate';
import { HOUR, local, MINUTE, plus, reply, samplePolicy, sev, status, ticket, workaround } from './engine-fixtures';

/** SPEC §2 clock rules beyond the tables. HQ (America/Los_Angeles, PDT in these weeks) unless said. */
const hq = (wall: string): Date => local('hq', wall);

describe('pauses: waiting or solved stops every clock, and deadlines move later by the paused time', () => {
  it('waiting 2 h pushes each running wall-clock deadline of a Sev 1 by 2 h; one already passed stays', () => {
    const opened = hq('2026-03-17 10:00');
    const t = ticket({
      createdAt: opened,
      severity: 1,
      history: [sev(opened, 1), status(hq('2026-03-17 11:00'), 'waiting'), status(hq('2026-03-17 13:00'), 'active')],
    });
    const evaluation = evaluate(t, samplePolicy, hq('2026-03-17 13:30'));
    expect(evaluation.responseDueAt).toEqual(hq('2026-03-17 10:30'));
    expect(evaluation.levels.map((level) => level.at)).toEqual([
      opened,
      hq('2026-03-17 14:00'),
      hq('2026-03-17 16:00'),
      hq('2026-03-17 18:00'),
      hq('2026-03-18 00:00'),
    ]);
  });

  it('waiting 2 business hours pushes each business-day deadline of a Sev 3 by 2 business hours', () => {
    const opened = hq('2026-03-16 10:00');
    const t = ticket({
      createdAt: opened,
      severity: 3,
      history: [sev(opened, 3), status(hq('2026-03-16 11:00'), 'waiting'), status(hq('2026-03-16 13:00'), 'active')],
    });
    const evaluation = evaluate(t, samplePolicy, hq('2026-03-16 14:00'));
    expect(evaluation.responseDueAt).toEqual(hq('2026-03-18 11:00'));
    expect(evaluation.levels.slice(1, 4).map((level) => level.at)).toEqual([
      hq('2026-03-20 11:00'),
      hq('2026-03-23 11:00'),
      hq('2026-03-24 11:00'),
    ]);
  });

  it.each([
    { name: 'overnight, outside business hours: business deadlines do not move', opened: '2026-03-16 10:00', from: '2026-03-16 18:00', to: '2026-03-17 09:00', due: '2026-03-17 18:00' },
    { name: 'across closing time: only the business hour inside counts', opened: '2026-03-16 10:00', from: '2026-03-16 17:00', to: '2026-03-16 19:00', due: '2026-03-18 10:00' },
    { name: 'over a weekend: nothing to push', opened: '2026-03-13 17:00', from: '2026-03-13 18:00', to: '2026-03-16 09:00', due: '2026-03-16 18:00' },
  ])('a Sev 3 waiting $name', ({ opened, from, to, due }) => {
    const t = ticket({
      createdAt: hq(opened),
      severity: 3,
      history: [sev(hq(opened), 3), status(hq(from), 'waiting'), status(hq(to), 'active')],
    });
    expect(evaluate(t, samplePolicy, hq('2026-03-17 09:30')).responseDueAt).toEqual(hq(due));
  });

  it('a wall-clock pause overnight still pushes a Sev 1 by the whole wall time', () => {
    const opened = hq('2026-03-17 20:00');
    const t = ticket({
      createdAt: opened,
      severity: 1,
      history: [sev(opened, 1), reply(hq('2026-03-17 20:10')), status(hq('2026-03-17 20:30'), 'waiting'), status(hq('2026-03-18 08:30'), 'active')],
    });
    const evaluation = evaluate(t, samplePolicy, hq('2026-03-18 08:45'));
    expect(evaluation.levels[1]!.at).toEqual(hq('2026-03-18 10:00'));
    expect(evaluation.nextUpdateDueAt).toEqual(hq('2026-03-18 09:10'));
  });

  it('waiting 2 h inside business hours pushes a businessHours target by 2 business hours', () => {
    const policy = {
      ...samplePolicy,
      severities: { ...samplePolicy.severities, '2': { ...samplePolicy.severities['2'], response: { businessHours: 4 } } },
    };
    // Opened Tue 15:00: 3 business hours Tue, 1 more Wed 09:00–10:00 → Wed 10:00; waiting Tue 15:30–17:30 → Wed 12:00.
    const opened = hq('2026-03-17 15:00');
    const plain = ticket({ createdAt: opened, severity: 2, history: [sev(opened, 2)] });
    const paused = ticket({
      createdAt: opened,
      severity: 2,
      history: [sev(opened, 2), status(hq('2026-03-17 15:30'), 'waiting'), status(hq('2026-03-17 17:30'), 'active')],
    });
    expect(evaluate(plain, policy, hq('2026-03-17 18:00')).responseDueAt).toEqual(hq('2026-03-18 10:00'));
    expect(evaluate(paused, policy, hq('2026-03-17 18:00')).responseDueAt).toEqual(hq('2026-03-18 12:00'));
  });

  it('a Sev 1 waiting across the spring-forward night is pushed by the real time paused', () => {
    const opened = local('hq', '2026-03-07 23:00');
    const t = ticket({
      createdAt: opened,
      severity: 1,
      history: [sev(opened, 1), status(local('hq', '2026-03-08 00:00'), 'waiting'), status(local('hq', '2026-03-08 04:00'), 'active')],
    });
    // 00:00 PST → 04:00 PDT is 3 real hours; level 2 (2 h) = 1 h before + 1 h after → 05:00 PDT.
    expect(evaluate(t, samplePolicy, local('hq', '2026-03-08 04:30')).nextLevel?.at).toEqual(local('hq', '2026-03-08 05:00'));
  });

  it('a pause in a business-day update cadence pushes it by the business time paused', () => {
    const opened = hq('2026-03-17 09:00');
    const t = ticket({
      createdAt: opened,
      severity: 2,
      history: [sev(opened, 2), reply(hq('2026-03-17 10:00')), status(hq('2026-03-18 16:00'), 'waiting'), status(hq('2026-03-18 17:00'), 'active')],
    });
    expect(evaluate(t, samplePolicy, hq('2026-03-18 17:30')).nextUpdateDueAt).toEqual(hq('2026-03-19 10:00'));
  });

  it('while waiting now: state paused, future deadlines unknown, reached ones kept', () => {
    const opened = hq('2026-03-17 10:00');
    const t = ticket({
      createdAt: opened,
      severity: 1,
      status: 'waiting',
      history: [sev(opened, 1), status(hq('2026-03-17 12:30'), 'waiting')],
    });
    const evaluation = evaluate(t, samplePolicy, hq('2026-03-17 15:00'));
    expect(evaluation).toMatchObject({
      state: 'paused',
      level: 2,
      nextLevel: { level: 3, id: 'l3', at: null },
      responseDueAt: hq('2026-03-17 10:30'),
      nextUpdateDueAt: null,
      pausedSince: hq('2026-03-17 12:30'),
      notify: ['sales-rep'],
    });
    expect(evaluation.levels[1]!.at).toEqual(hq('2026-03-17 12:00'));
    expect(evaluation.levels[2]!.at).toBeNull();
  });

  it('a response not yet due when the pause began is unknown while paused', () => {
    const opened = hq('2026-03-17 10:00');
    const t = ticket({ createdAt: opened, severity: 2, history: [sev(opened, 2), status(hq('2026-03-17 10:30'), 'waiting')] });
    const evaluation = evaluate(t, samplePolicy, hq('2026-03-17 11:00'));
    expect(evaluation.responseDueAt).toBeNull();
    expect(evaluation.state).toBe('paused');
  });

  it('waiting on the customer does not pause when the policy does not list it', () => {
    const policy = { ...samplePolicy, pauseWhile: [] };
    const opened = hq('2026-03-17 10:00');
    const t = ticket({ createdAt: opened, severity: 1, history: [sev(opened, 1), status(hq('2026-03-17 10:10'), 'waiting')] });
    const evaluation = evaluate(t, policy, hq('2026-03-17 10:20'));
    expect(evaluation.state).not.toBe('paused');
    expect(evaluation.levels[1]!.at).toEqual(hq('2026-03-17 12:00'));
  });
});

describe('reopen after solved: solved time is a pause, the clock carries on where it stopped', () => {
  const opened = hq('2026-03-17 10:00');
  const t = ticket({
    createdAt: opened,
    severity: 1,
    history: [sev(opened, 1), reply(hq('2026-03-17 10:10')), status(hq('2026-03-17 10:40'), 'solved'), status(hq('2026-03-17 14:40'), 'active')],
  });

  it('is stopped while solved, with no update due', () => {
    expect(evaluate(t, samplePolicy, hq('2026-03-17 14:00'))).toMatchObject({ state: 'stopped', nextUpdateDueAt: null, status: 'solved' });
  });

  it('after reopening, levels and the update cadence resume with the 4 h solved excluded', () => {
    const evaluation = evaluate(t, samplePolicy, hq('2026-03-17 15:00'));
    expect(evaluation.nextLevel).toEqual({ level: 2, id: 'l2', at: hq('2026-03-17 16:00') });
    expect(evaluation.nextUpdateDueAt).toEqual(hq('2026-03-17 15:10'));
    expect(evaluation.countedMs).toBe(60 * MINUTE);
    expect(evaluation.state).toBe('warning');
  });
});

describe('severity changes: a raise restarts the clock, a lowering keeps it', () => {
  it('Sev 3 raised to Sev 1 restarts at the raise; an earlier reply does not answer the new clock', () => {
    const opened = hq('2026-03-16 10:00');
    const raised = hq('2026-03-17 14:00');
    const t = ticket({ createdAt: opened, severity: 1, history: [sev(opened, 3), reply(hq('2026-03-16 10:30')), sev(raised, 1)] });
    const evaluation = evaluate(t, samplePolicy, hq('2026-03-17 14:31'));
    expect(evaluation).toMatchObject({
      severity: 1,
      clockStart: raised,
      clockStartReason: 'raised',
      raisedFrom: 3,
      respondedAt: null,
      responseDueAt: hq('2026-03-17 14:30'),
      state: 'overdue',
      nextLevel: { level: 2, id: 'l2', at: hq('2026-03-17 16:00') },
    });
  });

  it('a reply at the very instant of the raise answers the new clock', () => {
    const opened = hq('2026-03-16 10:00');
    const raised = hq('2026-03-17 14:00');
    const t = ticket({ createdAt: opened, severity: 1, history: [sev(opened, 3), reply(raised), sev(raised, 1)] });
    expect(evaluate(t, samplePolicy, hq('2026-03-17 14:40'))).toMatchObject({
      respondedAt: raised,
      updateRule: 'every',
      nextUpdateDueAt: hq('2026-03-17 15:00'),
      state: 'ok',
    });
  });

  it('Sev 1 lowered to Sev 3 keeps the clock start and measures the Sev 3 targets from it', () => {
    const opened = hq('2026-03-17 10:00');
    const t = ticket({ createdAt: opened, severity: 3, history: [sev(opened, 1), sev(hq('2026-03-17 11:00'), 3)] });
    const evaluation = evaluate(t, samplePolicy, hq('2026-03-17 13:00'));
    expect(evaluation).toMatchObject({
      severity: 3,
      clockStart: opened,
      clockStartReason: 'created',
      level: 1,
      responseDueAt: hq('2026-03-18 18:00'),
      nextLevel: { level: 2, id: 'l2', at: hq('2026-03-20 18:00') },
    });
  });

  it('a lowering can leave a level reached under the new targets (Sev 1 at level 3 lowered to Sev 2)', () => {
    const opened = hq('2026-03-17 10:00');
    const t = ticket({ createdAt: opened, severity: 2, history: [sev(opened, 1), sev(hq('2026-03-17 14:30'), 2)] });
    const evaluation = evaluate(t, samplePolicy, hq('2026-03-17 15:00'));
    expect(evaluation.level).toBe(2);
    expect(evaluation.nextLevel).toEqual({ level: 3, id: 'l3', at: hq('2026-03-17 18:00') });
  });

  it('each raise restarts again (2 → 1 → 2 → 1)', () => {
    const opened = hq('2026-03-17 09:00');
    const t = ticket({
      createdAt: opened,
      severity: 1,
      history: [sev(opened, 2), sev(hq('2026-03-17 10:00'), 1), sev(hq('2026-03-17 11:00'), 2), sev(hq('2026-03-17 12:00'), 1)],
    });
    expect(evaluate(t, samplePolicy, hq('2026-03-17 12:05')).clockStart).toEqual(hq('2026-03-17 12:00'));
  });

  it('Sev 4 raised to Sev 2 starts the Sev 2 clock at the raise', () => {
    const opened = hq('2026-03-17 09:00');
    const t = ticket({ createdAt: opened, severity: 2, history: [sev(opened, 4), sev(hq('2026-03-17 15:00'), 2)] });
    const evaluation = evaluate(t, samplePolicy, hq('2026-03-17 15:05'));
    expect(evaluation.clockStart).toEqual(hq('2026-03-17 15:00'));
    expect(evaluation.responseDueAt).toEqual(hq('2026-03-17 17:00'));
  });

  it('a severity set after creation (unset → Sev 2) starts the clock when it is set', () => {
    const opened = hq('2026-03-17 09:00');
    const t = ticket({ createdAt: opened, severity: 2, history: [sev(opened, null), sev(hq('2026-03-17 09:30'), 2)] });
    const evaluation = evaluate(t, samplePolicy, hq('2026-03-17 10:00'));
    expect(evaluation).toMatchObject({ clockStart: hq('2026-03-17 09:30'), clockStartReason: 'set', raisedFrom: null });
  });
});

describe('workaround: Sev 1 updates switch from hourly to each business day', () => {
  const opened = hq('2026-03-17 10:00');
  const replied = hq('2026-03-17 10:10');

  it.each([
    { name: 'a workaround event before now', history: [workaround(hq('2026-03-17 10:05'))], flag: false, rule: 'afterWorkaround', due: hq('2026-03-18 18:00') },
    { name: 'the ticket flag with no workaround events (given since creation)', history: [], flag: true, rule: 'afterWorkaround', due: hq('2026-03-18 18:00') },
    { name: 'a workaround event after now (not yet given)', history: [workaround(hq('2026-03-17 12:00'))], flag: true, rule: 'every', due: hq('2026-03-17 11:10') },
    { name: 'no workaround', history: [], flag: false, rule: 'every', due: hq('2026-03-17 11:10') },
  ] as const)('$name', ({ history, flag, rule, due }) => {
    const t = ticket({ createdAt: opened, severity: 1, workaround: flag, history: [sev(opened, 1), ...history, reply(replied)] });
    const evaluation = evaluate(t, samplePolicy, hq('2026-03-17 10:20'));
    expect(evaluation.updateRule).toBe(rule);
    expect(evaluation.nextUpdateDueAt).toEqual(due);
  });

  it('Sev 2 has no workaround cadence: still each business day', () => {
    const t = ticket({ createdAt: opened, severity: 2, workaround: true, history: [sev(opened, 2), reply(replied)] });
    const evaluation = evaluate(t, samplePolicy, hq('2026-03-17 10:20'));
    expect(evaluation.updateRule).toBe('every');
    expect(evaluation.nextUpdateDueAt).toEqual(hq('2026-03-18 18:00'));
  });

  it('before the first response the update is the response, workaround or not', () => {
    const t = ticket({ createdAt: opened, severity: 1, workaround: true, history: [sev(opened, 1)] });
    const evaluation = evaluate(t, samplePolicy, hq('2026-03-17 10:20'));
    expect(evaluation.updateRule).toBe('response');
    expect(evaluation.nextUpdateDueAt).toEqual(hq('2026-03-17 10:30'));
  });

  it('the cadence runs from the latest reply', () => {
    const t = ticket({ createdAt: opened, severity: 1, history: [sev(opened, 1), reply(replied), reply(hq('2026-03-17 11:00'))] });
    expect(evaluate(t, samplePolicy, hq('2026-03-17 11:05')).nextUpdateDueAt).toEqual(hq('2026-03-17 12:00'));
  });
});

describe('unknown severity: no clock at all', () => {
  it.each([
    { name: 'never set', severity: null, history: [] as ReturnType<typeof sev>[], status: 'active' as const },
    { name: 'never set, even when solved', severity: null, history: [], status: 'solved' as const },
    { name: 'cleared after being Sev 2', severity: null, history: [sev(hq('2026-03-17 09:00'), 2), sev(hq('2026-03-17 10:00'), null)], status: 'active' as const },
  ])('$name', ({ severity, history, status: current }) => {
    const t = ticket({ createdAt: hq('2026-03-17 09:00'), severity, status: current, history });
    expect(evaluate(t, samplePolicy, hq('2026-03-17 20:00'))).toMatchObject({
      severity: null,
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
    });
  });
});

describe('history semantics (SPEC §3)', () => {
  const opened = hq('2026-03-17 09:00');

  it('events after now do not count', () => {
    const t = ticket({ createdAt: opened, severity: 1, history: [sev(opened, 3), sev(hq('2026-03-17 12:00'), 1)] });
    expect(evaluate(t, samplePolicy, hq('2026-03-17 11:00'))).toMatchObject({ severity: 3, clockStart: opened });
  });

  it('an empty history means the current values held since creation', () => {
    const t = ticket({ createdAt: opened, severity: 2, status: 'waiting', history: [] });
    expect(evaluate(t, samplePolicy, hq('2026-03-17 11:00'))).toMatchObject({ severity: 2, state: 'paused', pausedSince: opened });
  });

  it('before the first status event the status is active', () => {
    const t = ticket({ createdAt: opened, severity: 1, status: 'waiting', history: [sev(opened, 1), status(hq('2026-03-17 10:00'), 'waiting')] });
    expect(evaluate(t, samplePolicy, hq('2026-03-17 10:00')).countedMs).toBe(HOUR);
  });

  it('a history out of order reads the same as the sorted one', () => {
    const events = [sev(opened, 2), reply(hq('2026-03-17 09:30')), status(hq('2026-03-17 10:00'), 'waiting'), status(hq('2026-03-17 11:00'), 'active')];
    const sorted = evaluate(ticket({ createdAt: opened, severity: 2, history: events }), samplePolicy, hq('2026-03-17 12:00'));
    const shuffled = evaluate(ticket({ createdAt: opened, severity: 2, history: [events[2]!, events[0]!, events[3]!, events[1]!] }), samplePolicy, hq('2026-03-17 12:00'));
    expect(shuffled).toEqual(sorted);
  });

  it('an office the policy does not define counts in the default office', () => {
    const t = ticket({ createdAt: opened, severity: 3, office: 'atlantis' });
    expect(evaluate(t, samplePolicy, plus(opened, HOUR))).toMatchObject({ officeId: 'hq', timeZone: 'America/Los_Angeles' });
  });
});

import { describe, expect, it } from 'vitest';
import { evaluate } from '../../lib/engine/evaluate';
import { local, notified, reply, samplePolicy, sev, status, ticket, workaround } from './engine-fixtures';

/** The explanation: short lines, times in the office's zone, dates only when not today there. */
const hq = (wall: string): Date => local('hq', wall);

describe('explanation', () => {
  it('tells the story of a raised Sev 1 in HQ local time', () => {
    const opened = hq('2026-03-17 09:00');
    const t = ticket({
      createdAt: opened,
      severity: 1,
      history: [sev(opened, 3), sev(hq('2026-03-17 14:02'), 1), reply(hq('2026-03-17 14:20')), reply(hq('2026-03-17 15:40'))],
    });
    const lines = evaluate(t, samplePolicy, hq('2026-03-17 16:12'), ['sales-rep']).explanation;
    expect(lines).toEqual([
      'Sev 1 since 14:02 (raised from Sev 3, clock restarted)',
      '2 h 10 min counted',
      'level 2 since 16:02',
      'level 3 at 18:02',
      'response due 14:32 · responded 14:20',
      'next update due 16:40 (1 h after the reply at 15:40)',
      'notify Sales Rep (all acknowledged)',
    ]);
  });

  it('names the date when an instant is not on the local day of now', () => {
    const opened = hq('2026-03-16 10:00');
    const t = ticket({ createdAt: opened, severity: 3, history: [sev(opened, 3), reply(hq('2026-03-16 11:00'))] });
    const lines = evaluate(t, samplePolicy, hq('2026-03-18 09:00')).explanation;
    expect(lines[0]).toBe('Sev 3 since Mon 16 Mar 10:00 (ticket opened)');
    expect(lines).toContain('level 2 at Thu 19 Mar 18:00');
    expect(lines).toContain('response due Tue 17 Mar 18:00 · responded Mon 16 Mar 11:00');
  });

  it('shows times in the ticket office’s zone, not the machine’s', () => {
    const opened = local('shanghai', '2026-09-21 09:30');
    const t = ticket({ office: 'shanghai', createdAt: opened, severity: 1, history: [sev(opened, 1)] });
    const evaluation = evaluate(t, samplePolicy, local('shanghai', '2026-09-21 09:45'));
    expect(evaluation.timeZone).toBe('Asia/Shanghai');
    expect(evaluation.explanation[0]).toBe('Sev 1 since 09:30 (ticket opened)');
    expect(evaluation.explanation).toContain('response due 10:00 · no reply yet');
  });

  it('says why the clock kept its start after a lowering', () => {
    const opened = hq('2026-03-17 09:00');
    const t = ticket({ createdAt: opened, severity: 2, history: [sev(opened, 1), sev(hq('2026-03-17 10:15'), 2)] });
    const lines = evaluate(t, samplePolicy, hq('2026-03-17 10:30')).explanation;
    expect(lines.slice(0, 2)).toEqual(['Sev 2 since 10:15 (lowered from Sev 1, clock kept)', 'clock since 09:00 (ticket opened)']);
  });

  it('says the clock started when a severity was first set', () => {
    const opened = hq('2026-03-17 09:00');
    const t = ticket({ createdAt: opened, severity: 2, history: [sev(opened, null), sev(hq('2026-03-17 09:20'), 2)] });
    expect(evaluate(t, samplePolicy, hq('2026-03-17 09:30')).explanation[0]).toBe('Sev 2 since 09:20 (severity set, clock started)');
  });

  it('explains a pause and that deadlines move while it lasts', () => {
    const opened = hq('2026-03-17 09:00');
    const t = ticket({ createdAt: opened, severity: 1, status: 'waiting', history: [sev(opened, 1), reply(hq('2026-03-17 09:10')), status(hq('2026-03-17 09:14'), 'waiting')] });
    const lines = evaluate(t, samplePolicy, hq('2026-03-17 12:00')).explanation;
    expect(lines).toContain('paused: waiting on customer since 09:14 (deadlines move later while paused)');
    expect(lines).toContain('level 2 on hold while paused');
    expect(lines).toContain('14 min counted');
  });

  it('explains a solved ticket', () => {
    const opened = hq('2026-03-17 09:00');
    const t = ticket({ createdAt: opened, severity: 2, status: 'solved', history: [sev(opened, 2), status(hq('2026-03-17 10:00'), 'solved')] });
    expect(evaluate(t, samplePolicy, hq('2026-03-17 12:00')).explanation).toContain('solved since 10:00 (clocks stopped)');
  });

  it('counts business time for business-day severities', () => {
    const opened = hq('2026-03-16 17:00');
    const t = ticket({ createdAt: opened, severity: 3, history: [sev(opened, 3)] });
    expect(evaluate(t, samplePolicy, hq('2026-03-17 10:30')).explanation).toContain('2 h 30 min of business time counted');
  });

  it('names the workaround cadence, who is still to be told and who joins on request', () => {
    const opened = hq('2026-03-17 08:00');
    const t = ticket({
      createdAt: opened,
      severity: 1,
      history: [sev(opened, 1), reply(hq('2026-03-17 08:10')), workaround(hq('2026-03-17 13:00')), reply(hq('2026-03-17 13:30')), notified(hq('2026-03-17 10:05'), 'sales-rep')],
    });
    const lines = evaluate(t, samplePolicy, hq('2026-03-17 14:05')).explanation;
    expect(lines).toContain('next update due Wed 18 Mar 18:00 (1 business day after the reply at 13:30, workaround given)');
    expect(lines).toContain('notify Sales Rep, District Sales Manager, On-duty Escalation Director (not yet acknowledged: District Sales Manager, On-duty Escalation Director)');
    expect(lines).toContain('on request: Regional Head of Technical Support, Regional Head of Professional Services');
  });

  it('Sev 4 says there is nothing to watch', () => {
    const opened = hq('2026-03-17 09:00');
    const t = ticket({ createdAt: opened, severity: 4, history: [sev(opened, 4)] });
    expect(evaluate(t, samplePolicy, hq('2026-03-17 12:00')).explanation).toEqual([
      'Sev 4 since 09:00 (ticket opened)',
      'no response, escalation or update deadlines for Sev 4',
    ]);
  });

  it('an unknown severity says no clock runs', () => {
    const t = ticket({ createdAt: hq('2026-03-17 09:00'), severity: null, history: [] });
    expect(evaluate(t, samplePolicy, hq('2026-03-17 12:00')).explanation).toEqual(['no severity set: no clock runs until one is']);
  });
});

import { describe, expect, it } from 'vitest';
import { evaluate } from '../../lib/engine/evaluate';
import type { TicketEvent } from '../../lib/engine/types';
import type { Policy } from '../../lib/policy/schema';
import { local, notified, plus, reply, samplePolicy, sev, status, ticket, MINUTE } from './engine-fixtures';

const hq = (wall: string): Date => local('hq', wall);
const opened = hq('2026-03-17 08:00');

/** A Sev 1 that has answered and keeps updating, so only levels and roles drive its state. */
function sev1AnsweredEveryHour(until: Date, extra: TicketEvent[] = []) {
  const replies: TicketEvent[] = [];
  for (let at = plus(opened, 10 * MINUTE); at <= until; at = plus(at, 50 * MINUTE)) replies.push(reply(at));
  return ticket({ createdAt: opened, severity: 1, history: [sev(opened, 1), ...replies, ...extra] });
}

describe('notify: cumulative roles of the levels reached; on-request roles never nag', () => {
  const now = hq('2026-03-17 14:30');
  const t = sev1AnsweredEveryHour(now);

  it('at the director level (6 h) three roles are due, the two regional heads only on request', () => {
    const evaluation = evaluate(t, samplePolicy, now);
    expect(evaluation.level).toBe(4);
    expect(evaluation.notify).toEqual(['sales-rep', 'district-sales-manager', 'escalation-director']);
    expect(evaluation.onRequest).toEqual(['regional-head-technical-support', 'regional-head-professional-services']);
    expect(evaluation.pending).toEqual(evaluation.notify);
    expect(evaluation.state).toBe('notify');
  });

  it.each([
    { name: 'acknowledged locally (argument)', acknowledged: ['sales-rep'], events: [], pending: ['district-sales-manager', 'escalation-director'] },
    { name: "recorded on the ticket ('notified' events)", acknowledged: [], events: [notified(hq('2026-03-17 12:05'), 'district-sales-manager')], pending: ['sales-rep', 'escalation-director'] },
    { name: 'both', acknowledged: ['escalation-director'], events: [notified(hq('2026-03-17 12:05'), 'sales-rep')], pending: ['district-sales-manager'] },
    { name: "a 'notified' record after now does not count yet", acknowledged: [], events: [notified(hq('2026-03-17 15:00'), 'sales-rep')], pending: ['sales-rep', 'district-sales-manager', 'escalation-director'] },
    { name: 'acknowledging an on-request role changes nothing', acknowledged: ['regional-head-technical-support'], events: [], pending: ['sales-rep', 'district-sales-manager', 'escalation-director'] },
  ])('a role stops nagging once $name', ({ acknowledged, events, pending }) => {
    const evaluation = evaluate(sev1AnsweredEveryHour(now, events), samplePolicy, now, acknowledged);
    expect(evaluation.pending).toEqual(pending);
    expect(evaluation.notify).toEqual(['sales-rep', 'district-sales-manager', 'escalation-director']);
  });

  it('with every role acknowledged the state falls through to ok/warning', () => {
    const evaluation = evaluate(t, samplePolicy, now, ['sales-rep', 'district-sales-manager', 'escalation-director']);
    expect(evaluation.pending).toEqual([]);
    expect(['ok', 'warning']).toContain(evaluation.state);
  });

  it('a role listed both as notify (one level) and on request (another) nags', () => {
    const policy: Policy = {
      ...samplePolicy,
      levels: samplePolicy.levels.map((level) =>
        level.id === 'l3' ? { ...level, notify: [...level.notify, 'regional-head-technical-support'] } : level,
      ),
    };
    const evaluation = evaluate(t, policy, now);
    expect(evaluation.notify).toContain('regional-head-technical-support');
    expect(evaluation.onRequest).toEqual(['regional-head-professional-services']);
  });
});

describe('state: first match wins — unknown, stopped, paused, overdue, notify, warning, ok', () => {
  const missedResponse = (extra: TicketEvent[], current: 'active' | 'waiting' | 'solved' = 'active') =>
    ticket({ createdAt: opened, severity: 1, status: current, history: [sev(opened, 1), ...extra] });

  it.each([
    { name: 'unknown beats stopped (no severity, solved)', t: ticket({ createdAt: opened, severity: null, status: 'solved', history: [status(opened, 'solved')] }), now: hq('2026-03-17 09:00'), state: 'unknown' },
    { name: 'stopped beats overdue (solved after missing the response)', t: missedResponse([status(hq('2026-03-17 09:00'), 'solved')], 'solved'), now: hq('2026-03-17 11:00'), state: 'stopped' },
    { name: 'paused beats overdue (waiting after missing the response)', t: missedResponse([status(hq('2026-03-17 09:00'), 'waiting')], 'waiting'), now: hq('2026-03-17 11:00'), state: 'paused' },
    { name: 'overdue beats notify (response missed, level 2 reached)', t: missedResponse([]), now: hq('2026-03-17 10:30'), state: 'overdue' },
    { name: 'overdue from the update deadline itself (inclusive)', t: missedResponse([reply(hq('2026-03-17 08:10'))]), now: hq('2026-03-17 09:10'), state: 'overdue' },
    { name: 'notify beats warning (level 2 reached, update due in 10 min)', t: sev1AnsweredEveryHour(hq('2026-03-17 10:00')), now: hq('2026-03-17 10:40'), state: 'notify' },
  ])('$name', ({ t, now, state }) => {
    expect(evaluate(t, samplePolicy, now).state).toBe(state);
  });

  it.each([
    { name: '16 min before the update: ok', now: '2026-03-17 09:04', state: 'ok' },
    { name: '15 min before the update (inclusive): warning', now: '2026-03-17 09:05', state: 'warning' },
    { name: '1 min before the update: warning', now: '2026-03-17 09:19', state: 'warning' },
    { name: 'at the update: overdue', now: '2026-03-17 09:20', state: 'overdue' },
  ])('Sev 1 warnBefore 15 min, update due 09:20 — $name', ({ now, state }) => {
    const t = ticket({ createdAt: opened, severity: 1, history: [sev(opened, 1), reply(hq('2026-03-17 08:20'))] });
    const evaluation = evaluate(t, samplePolicy, hq(now));
    expect(evaluation.state).toBe(state);
    if (state !== 'overdue') {
      expect(evaluation.nextDeadline).toEqual({ kind: 'update', at: hq('2026-03-17 09:20'), warnAt: hq('2026-03-17 09:05') });
    }
  });

  it('the warning watches the earliest deadline: a level before the next update', () => {
    // Latest reply 09:40 → update due 10:40; level 2 at 10:00 comes first, warning from 09:45.
    const t = ticket({ createdAt: opened, severity: 1, history: [sev(opened, 1), reply(hq('2026-03-17 08:10')), reply(hq('2026-03-17 09:40'))] });
    const evaluation = evaluate(t, samplePolicy, hq('2026-03-17 09:45'));
    expect(evaluation.nextDeadline).toEqual({ kind: 'level', at: hq('2026-03-17 10:00'), warnAt: hq('2026-03-17 09:45') });
    expect(evaluation.state).toBe('warning');
  });

  it('Sev 3 warns 2 wall hours before its business-day response deadline', () => {
    const monday = hq('2026-03-16 10:00');
    const t = ticket({ createdAt: monday, severity: 3, history: [sev(monday, 3)] });
    expect(evaluate(t, samplePolicy, hq('2026-03-17 15:59')).state).toBe('ok');
    expect(evaluate(t, samplePolicy, hq('2026-03-17 16:00')).state).toBe('warning');
    expect(evaluate(t, samplePolicy, hq('2026-03-17 16:00')).warnAt).toEqual(hq('2026-03-17 16:00'));
  });

  it('a business-hours warning counts business time back from the deadline', () => {
    const policy: Policy = {
      ...samplePolicy,
      severities: { ...samplePolicy.severities, '3': { ...samplePolicy.severities['3'], warnBefore: { businessHours: 2 } } },
    };
    // Opened Mon 2026-03-16 10:00 → response due Tue 18:00; 2 business hours before is Tue 16:00.
    const monday = hq('2026-03-16 10:00');
    const t = ticket({ createdAt: monday, severity: 3, history: [sev(monday, 3)] });
    expect(evaluate(t, policy, hq('2026-03-17 12:00')).warnAt).toEqual(hq('2026-03-17 16:00'));
    // Opened Friday: due Monday 18:00, warning from Monday 16:00 — not Friday night.
    const friday = hq('2026-03-13 12:00');
    const overWeekend = ticket({ createdAt: friday, severity: 3, history: [sev(friday, 3)] });
    expect(evaluate(overWeekend, policy, hq('2026-03-14 12:00')).warnAt).toEqual(hq('2026-03-16 16:00'));
  });
});

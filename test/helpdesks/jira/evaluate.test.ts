import { describe, expect, it } from 'vitest';
import { defaultPolicy, evaluate, ticketFromJira } from '../../../lib/index';
import { at, policyRoles, severityField } from './expected-tickets';
import { changed, jiraJson } from './fixtures';

/**
 * The fixture issues through the engine with the default policy (SPEC §1–2). Times are UTC.
 *
 * OPS-42 (Cloud, Shanghai): created 09:30 at Medium (Sev 3); Highest (Sev 1) at 10:00 restarts
 * the clock; "Waiting for customer" 10:40–11:10 does not count; High (Sev 2) at 15:00 keeps the
 * clock start. Sev 2: response 2 h, level 2 at 4 h, level 3 at 8 h, director at 12 h, updates
 * each business day. Sales Rep recorded notified by an internal note at 14:40.
 */
describe('evaluate(ticketFromJira(OPS-42))', () => {
  const ops42 = () => ticketFromJira({ issue: jiraJson('cloud-ops-42.complete.json'), policyRoles });

  it('at 16:00: level 2, Sales Rep already told on the ticket, next level at 18:30', () => {
    const evaluation = evaluate(ops42(), defaultPolicy, at('2026-07-14T16:00:00Z'));
    expect(evaluation).toMatchObject({
      ticketId: 'OPS-42',
      severity: 2,
      state: 'ok',
      clockStart: at('2026-07-14T10:00:00Z'), // the raise to Highest; lowering to High keeps it
      level: 2, // 4 h counted: 10:00 + 4 h + 30 min waiting = 14:30
      levelId: 'l2',
      nextLevel: { level: 3, id: 'l3', at: at('2026-07-14T18:30:00Z') }, // 8 h counted
      responseDueAt: at('2026-07-14T12:30:00Z'), // 2 h counted
      respondedAt: at('2026-07-14T10:20:00Z'), // Wei's public ADF reply
      // one business day after the 15:20 reply (23:20 Tuesday in Shanghai): Wednesday 18:00 CST
      nextUpdateDueAt: at('2026-07-15T10:00:00Z'),
      notify: ['sales-rep'],
      pending: [],
    });
    expect(evaluation.explanation.length).toBeGreaterThan(0);
  });

  it('at 10:50, while waiting for the customer, the clocks are paused', () => {
    const evaluation = evaluate(ops42(), defaultPolicy, at('2026-07-14T10:50:00Z'));
    expect(evaluation).toMatchObject({ severity: 1, state: 'paused', clockStart: at('2026-07-14T10:00:00Z'), nextUpdateDueAt: null });
  });

  it('at 18:10 the next level is within the 30 min warning of Sev 2', () => {
    expect(evaluate(ops42(), defaultPolicy, at('2026-07-14T18:10:00Z')).state).toBe('warning');
  });

  it('at 18:30 level 3 starts and the District Sales Manager is due', () => {
    const evaluation = evaluate(ops42(), defaultPolicy, at('2026-07-14T18:30:00Z'));
    expect(evaluation).toMatchObject({
      state: 'notify',
      level: 3,
      levelId: 'l3',
      nextLevel: { level: 4, id: 'director', at: at('2026-07-14T22:30:00Z') }, // 12 h counted
      notify: ['sales-rep', 'district-sales-manager'],
      pending: ['district-sales-manager'],
    });
  });

  it('without the internal note the Sales Rep nags again', () => {
    const issue = jiraJson('cloud-ops-42.complete.json');
    const comments = (issue.fields as { comment: { comments: Array<{ id: string }> } }).comment.comments;
    const withoutNote = changed(issue, {
      'fields.comment.comments': comments.filter((c) => c.id !== '10108'),
      'fields.comment.total': comments.length - 1,
    });
    const evaluation = evaluate(ticketFromJira({ issue: withoutNote, policyRoles }), defaultPolicy, at('2026-07-14T16:00:00Z'));
    expect(evaluation.state).toBe('notify');
    expect(evaluation.pending).toEqual(['sales-rep']);
  });
});

/**
 * SUP-7 (Data Center, Taichung, "Severity" custom field): Sev 3 since 13 July; raised to Sev-1 on
 * 15 July 01:00, which restarts the clock. Sev 1: response 30 min, level 2 at 2 h, level 3 at 4 h,
 * director at 6 h, updates every hour. Replies 01:20 and 04:30; Sales Rep noted at 03:05 in a
 * normal comment (no customer portal on this project).
 */
describe('evaluate(ticketFromJira(SUP-7))', () => {
  it('at 05:10: level 3 reached, District Sales Manager not yet told, update due 05:30', () => {
    const ticket = ticketFromJira({ issue: jiraJson('dc-sup-7.issue.json'), policyRoles }, severityField);
    const evaluation = evaluate(ticket, defaultPolicy, at('2026-07-15T05:10:00Z'));
    expect(evaluation).toMatchObject({
      ticketId: 'SUP-7',
      severity: 1,
      state: 'notify',
      clockStart: at('2026-07-15T01:00:00Z'),
      level: 3,
      levelId: 'l3',
      nextLevel: { level: 4, id: 'director', at: at('2026-07-15T07:00:00Z') },
      responseDueAt: at('2026-07-15T01:30:00Z'),
      respondedAt: at('2026-07-15T01:20:00Z'),
      nextUpdateDueAt: at('2026-07-15T05:30:00Z'), // an hour after the 04:30 reply
      notify: ['sales-rep', 'district-sales-manager'],
      pending: ['district-sales-manager'],
    });
  });

  it('at 05:40 the hourly update is overdue', () => {
    const ticket = ticketFromJira({ issue: jiraJson('dc-sup-7.issue.json'), policyRoles }, severityField);
    expect(evaluate(ticket, defaultPolicy, at('2026-07-15T05:40:00Z'), ['district-sales-manager']).state).toBe('overdue');
  });
});

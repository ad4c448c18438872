import { describe, expect, it } from 'vitest';
import { defaultPolicy, evaluate, ticketFromZendesk } from '../../../lib/index';
import { at } from './expected-35436';
import { ticket35436 } from './fixtures';

/**
 * The 35436 story through the engine with the default policy, Shanghai office (SPEC §1–2):
 * created 01:30 at Sev 3; raised to Sev 1 at 02:10 (clock restarts); pending 02:40–03:10
 * (30 min that do not count); lowered to Sev 2 at 06:00 (clock start kept); last public agent
 * reply 05:20 with the workaround; Sales Rep acknowledged on the ticket at 04:45.
 */
describe('evaluate(ticketFromZendesk(35436))', () => {
  const now = at('06:50');

  it('is at level 2 with the Sales Rep already acknowledged by a teammate’s note', () => {
    const evaluation = evaluate(ticketFromZendesk(ticket35436()), defaultPolicy, now);
    expect(evaluation).toMatchObject({
      ticketId: '35436',
      severity: 2,
      state: 'ok',
      clockStart: at('02:10'), // the raise to Sev 1; lowering to Sev 2 keeps it
      level: 2, // Sev 2 level 2 after 4 h counted: 02:10 + 4 h + 30 min pending = 06:40
      levelId: 'l2',
      nextLevel: { level: 3, id: 'l3', at: at('10:40') }, // 8 h counted
      responseDueAt: at('04:40'), // 2 h counted
      respondedAt: at('02:10'), // the reply made with the raise
      // one business day after the 05:20 reply (13:20 in Shanghai): Wednesday 18:00 CST
      nextUpdateDueAt: new Date('2026-07-15T10:00:00Z'),
      notify: ['sales-rep'],
      pending: [],
    });
    expect(evaluation.explanation.length).toBeGreaterThan(0);
  });

  it('nags for the Sales Rep when the acknowledgement note is not on the ticket', () => {
    const input = ticket35436();
    const withoutAck = { ...input, audits: input.audits.filter((audit) => audit.created_at !== '2026-07-14T04:45:00Z') };
    const evaluation = evaluate(ticketFromZendesk(withoutAck), defaultPolicy, now);
    expect(evaluation.state).toBe('notify');
    expect(evaluation.pending).toEqual(['sales-rep']);
  });

  it('replays the history: at 02:50 the ticket was Sev 1 and pending, so paused', () => {
    const evaluation = evaluate(ticketFromZendesk(ticket35436()), defaultPolicy, at('02:50'));
    expect(evaluation).toMatchObject({ severity: 1, state: 'paused', clockStart: at('02:10'), nextUpdateDueAt: null });
  });
});

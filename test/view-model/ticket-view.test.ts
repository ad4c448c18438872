import { describe, expect, test } from 'vitest';
import { nextStateChangeAt, pageRowView, pageTicketView, type TicketRead } from '../../lib/view-model';
import { evaluate } from '../../lib/engine/evaluate';
import type { Evaluation } from '../../lib/engine/types';
import { pageTicketViewSchema } from '../../lib/messages/page-view-schema';
import { defaultPolicy } from '../../lib/policy';
import { makeTicket, NOW } from '../content/harness';
import { viewContext } from './view-fixtures';

const minutes = (n: number) => new Date(NOW.getTime() + n * 60_000);
/** Sev 1, open 2 h 10 min, answered after 10 min and updated 30 min ago (hourly updates). */
function repliedTicket() {
  const ticket = makeTicket('1', 1, 130);
  const reply = (minutesAfterOpening: number) => ({
    at: new Date(ticket.createdAt.getTime() + minutesAfterOpening * 60_000),
    kind: 'publicReply' as const,
  });
  return { ...ticket, history: [reply(10), reply(100)] };
}
const sev1AtLevel2 = (): Evaluation => evaluate(repliedTicket(), defaultPolicy, NOW, []);
const extras = (overrides: Partial<TicketRead> = {}): TicketRead => ({ source: 'api', nativeSla: [], ackNoteMode: 'ask', ...overrides });

describe('the view a page renders, built from a ticket and its evaluation', () => {
  test("a hot account's Sev 3 ticket is shown as Sev 1 · hot account, at the level Sev 1 reaches (SPEC §1)", () => {
    const ticket = { ...makeTicket('9', 3, 130), organization: 'Globex' };
    const policy = { ...defaultPolicy, hotAccounts: ['globex'] };
    const view = pageTicketView(ticket, evaluate(ticket, policy, NOW, []), viewContext(NOW, { policy, organization: 'Globex' }), extras());
    expect(view).toMatchObject({ severity: 1, hotAccount: true, level: 2 });
    expect(view.explanation[0]).toMatch(/^Sev 1 · hot account \(Globex\) since /);
    expect(pageTicketViewSchema.parse(view)).toEqual(view);
    const other = makeTicket('9', 3, 130);
    expect(pageTicketView(other, evaluate(other, policy, NOW, []), viewContext(NOW, { policy }), extras()).hotAccount).toBe(false);
  });

  test('a Sev 1 ticket open 2 h 10 min is at level 2 with the Sales Rep to notify and level 3 next', () => {
    const ticket = repliedTicket();
    const view = pageTicketView(ticket, sev1AtLevel2(), viewContext(NOW), extras());
    expect(view).toMatchObject({ severity: 1, level: 2, levelRoleNames: ['Sales Rep'], state: 'notify', officeTimeZone: 'America/Los_Angeles' });
    expect(view.nextLevel).toMatchObject({ level: 3, at: ticket.createdAt.getTime() + 4 * 3_600_000 });
    expect(view.timeline.map((step) => step.phase)).toEqual(['reached', 'reached', 'next', 'later', 'later']);
    expect(view.people).toEqual([
      {
        roleId: 'sales-rep',
        name: 'Sales Rep',
        holders: [],
        level: 2,
        pending: true,
        onRequest: false,
        addedByTimeout: null,
        message: { subject: expect.stringContaining('Level 2 escalation'), body: expect.any(String), mailto: expect.stringMatching(/^mailto:\?subject=/) },
      },
    ]);
  });

  test('is plain JSON the router accepts: instants as epoch milliseconds', () => {
    const view = pageTicketView(repliedTicket(), sev1AtLevel2(), viewContext(NOW), extras());
    expect(pageTicketViewSchema.parse(JSON.parse(JSON.stringify(view)))).toEqual(view);
    expect(typeof view.openedAt).toBe('number');
  });

  test('an acknowledged role is listed as done', () => {
    const evaluation = evaluate(repliedTicket(), defaultPolicy, NOW, ['sales-rep']);
    const view = pageTicketView(repliedTicket(), evaluation, viewContext(NOW), extras());
    expect(view.people[0]?.pending).toBe(false);
  });

  test.each([
    ['API data keeps the note setting', 'api', 'always'],
    ['a page read writes no note: it has no history to read the note back from', 'dom', 'off'],
  ] as const)('%s', (_rule, source, expected) => {
    expect(pageTicketView(repliedTicket(), sev1AtLevel2(), viewContext(NOW), extras({ source, ackNoteMode: 'always' })).ackNoteMode).toBe(expected);
  });

  test("the helpdesk's own targets travel with the view; none when there was no fresh read", () => {
    const target = { name: 'first_reply_time', breachAt: minutes(5), paused: false, breached: false };
    expect(pageTicketView(repliedTicket(), sev1AtLevel2(), viewContext(NOW), extras({ nativeSla: [target] })).nativeSla).toEqual([
      { ...target, breachAt: minutes(5).getTime() },
    ]);
    expect(pageTicketView(repliedTicket(), sev1AtLevel2(), viewContext(NOW), extras({ nativeSla: null })).nativeSla).toBeNull();
  });

  test('a row counts down to the next deadline, or up from the one missed when overdue', () => {
    const running = sev1AtLevel2();
    expect(pageRowView(running, undefined, NOW)).toEqual({
      id: '1',
      state: running.state,
      deadlineAt: running.nextDeadline?.at.getTime() ?? null,
      refreshAt: nextStateChangeAt(running, NOW)?.getTime() ?? null,
      unavailable: null,
    });
    const unanswered = evaluate(makeTicket('2', 1, 130), defaultPolicy, NOW, []);
    expect(unanswered.state).toBe('overdue');
    expect(pageRowView(unanswered, undefined, NOW)).toMatchObject({ state: 'overdue', deadlineAt: unanswered.responseDueAt?.getTime() });
  });

  test('the page asks again at the next deadline or warning, whichever is first', () => {
    const evaluation: Evaluation = { ...sev1AtLevel2(), warnAt: minutes(20), nextDeadline: { kind: 'update', at: minutes(30), warnAt: minutes(20) } };
    expect(nextStateChangeAt(evaluation, NOW)).toEqual(minutes(20));
    expect(nextStateChangeAt({ ...evaluation, warnAt: minutes(-1), nextLevel: null }, NOW)).toEqual(minutes(30));
    expect(pageTicketView(repliedTicket(), evaluation, viewContext(NOW), extras()).refreshAt).toBe(minutes(20).getTime());
  });
});

describe('acknowledgement timeouts in the ticket view (issue 15 item 6)', () => {
  const timeouts = { ackTimeouts: { '1': 15, '2': 60, '3': 0, '4': 0 } };

  test('a level still pending 15 min after it started says it was notified again, the Escalation Director added', () => {
    const ticket = makeTicket('1', 1, 140); // level 2 started 20 min ago
    const view = pageTicketView(ticket, evaluate(ticket, defaultPolicy, NOW, []), viewContext(NOW, timeouts), extras());
    expect(view.ackTimeouts).toEqual([{ level: 2, minutes: 15, directorAdded: true }]);
    expect(pageTicketViewSchema.parse(view)).toEqual(view);
  });

  test('nothing is said once the role is acknowledged, or when timeouts are off', () => {
    const ticket = makeTicket('1', 1, 140);
    expect(pageTicketView(ticket, evaluate(ticket, defaultPolicy, NOW, ['sales-rep']), viewContext(NOW, timeouts), extras()).ackTimeouts).toEqual([]);
    expect(pageTicketView(ticket, evaluate(ticket, defaultPolicy, NOW, []), viewContext(NOW), extras()).ackTimeouts).toEqual([]);
  });

  test('before the timeout the page is told to ask again at that minute', () => {
    const ticket = makeTicket('1', 1, 130); // level 2 started 10 min ago: its timeout is in 5 min
    const view = pageTicketView(ticket, evaluate(ticket, defaultPolicy, NOW, []), viewContext(NOW, timeouts), extras());
    expect(view.ackTimeouts).toEqual([]);
    expect(view.refreshAt).toBe(minutes(5).getTime());
  });

  test("a view's row asks again at the timeout minute when that comes before its next state change, as the page does", () => {
    const ticket = makeTicket('1', 1, 130); // level 2 started 10 min ago: its timeout is in 5 min
    const evaluation = evaluate(ticket, defaultPolicy, NOW, []);
    // Without timeouts the row would wait for its next state change, later than the timeout minute.
    const stateChange = nextStateChangeAt(evaluation, NOW)?.getTime();
    expect(stateChange).toBeGreaterThan(minutes(5).getTime());
    expect(pageRowView(evaluation, undefined, NOW).refreshAt).toBe(stateChange);
    const row = pageRowView(evaluation, timeouts.ackTimeouts, NOW);
    expect(row.refreshAt).toBe(minutes(5).getTime());
    expect(row.refreshAt).toBe(pageTicketView(ticket, evaluation, viewContext(NOW, timeouts), extras()).refreshAt);
    // Acknowledged in time: no timeout to wait for, the row waits for its state to change.
    const acknowledged = evaluate(ticket, defaultPolicy, NOW, ['sales-rep']);
    expect(pageRowView(acknowledged, timeouts.ackTimeouts, NOW).refreshAt).toBe(nextStateChangeAt(acknowledged, NOW)?.getTime());
  });
});

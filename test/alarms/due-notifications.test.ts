import { describe, expect, it } from 'vitest';
import { dueNotifications, nextWakeAt, type AlarmTicket, type DuePlan, type DueOptions, ticketAlarmEvents } from '../../lib/alarms';
import type { TicketJson } from '../../lib/engine/ticket-schema';
import { alarmTicket, at, dueOptions, RESPONSE_SHOWN, sev1, type TicketState } from './alarm-fixtures';

/** Applies a plan's records to the shown maps, as the background does before showing. */
function recordPlan(states: Map<string, TicketState>, plan: DuePlan, now: Date) {
  for (const [ticketKey, keys] of plan.toRecord) {
    const state = states.get(ticketKey) ?? {};
    state.shown = { ...state.shown, ...Object.fromEntries(keys.map((k) => [k, now.toISOString()])) };
    states.set(ticketKey, state);
  }
}

function describePlan(plan: DuePlan): string[] {
  return plan.notifications.map((n) => (n.kind === 'summary' ? `summary(${n.events.length})` : `${n.event.kind}${n.event.level ? `:${n.event.level.id}` : ''}`));
}

/** Runs the background's loop — wake, notify, record, re-arm — from `start` until `end`. */
function runWakes(tickets: TicketJson[], start: Date, end: Date, options: DueOptions, initial: Map<string, TicketState> = new Map()) {
  const states = initial;
  const log: Array<{ at: string; shown: string[] }> = [];
  let now = start;
  let lastCheckedAt: Date | null = null;
  for (let guard = 0; guard < 100 && now.getTime() <= end.getTime(); guard++) {
    const items: AlarmTicket[] = tickets.map((json) => alarmTicket(json, now, states.get(`${json.system}:${json.id}`)));
    const plan = dueNotifications(items, lastCheckedAt, now, options);
    recordPlan(states, plan, now);
    if (plan.notifications.length > 0) log.push({ at: now.toISOString(), shown: describePlan(plan) });
    lastCheckedAt = now;
    const refreshed = tickets.map((json) => alarmTicket(json, now, states.get(`${json.system}:${json.id}`)));
    const wake = nextWakeAt(refreshed, now, options);
    if (!wake) break;
    now = wake;
  }
  return { log, states };
}

describe('alarm events of a ticket', () => {
  it('lists each level start, the response and its warning at the policy times', () => {
    const item = alarmTicket(sev1(), at('2026-07-14T08:05:00Z'));
    const events = ticketAlarmEvents(item, dueOptions()).map((e) => `${e.kind}@${e.at.toISOString().slice(11, 16)}`);
    expect(events.sort()).toEqual(
      [
        ...['level@10:00', 'level@12:00', 'level@14:00', 'level@20:00'],
        ...['warn-level@09:45', 'warn-level@11:45', 'warn-level@13:45', 'warn-level@19:45'],
        ...['response@08:30', 'warn-update@08:15'],
      ].sort(),
    );
  });

  it('uses the engineer\'s warning lead time when set', () => {
    const item = alarmTicket(sev1(), at('2026-07-14T08:05:00Z'));
    const events = ticketAlarmEvents(item, dueOptions({ leads: { override: { '1': 5 }, policy: { 1: 15 } } }));
    expect(events.find((e) => e.kind === 'warn-level')?.at).toEqual(at('2026-07-14T09:55:00Z'));
  });

  it('has no events for a solved ticket', () => {
    expect(ticketAlarmEvents(alarmTicket(sev1({ status: 'solved' }), at('2026-07-14T09:00:00Z')), dueOptions())).toEqual([]);
  });

  it('has no events while waiting on the customer (clocks paused)', () => {
    expect(ticketAlarmEvents(alarmTicket(sev1({ status: 'waiting' }), at('2026-07-14T09:00:00Z')), dueOptions())).toEqual([]);
  });
});

describe('alarms fire in order, each once', () => {
  it('wakes at every warning and deadline of a Sev 1 ticket, in time order', () => {
    const { log } = runWakes([sev1()], at('2026-07-14T08:00:00Z'), at('2026-07-14T21:00:00Z'), dueOptions());
    expect(log).toEqual([
      { at: '2026-07-14T08:15:00.000Z', shown: ['warn-update'] },
      { at: '2026-07-14T08:30:00.000Z', shown: ['response'] },
      { at: '2026-07-14T09:45:00.000Z', shown: ['warn-level:l2'] },
      { at: '2026-07-14T10:00:00.000Z', shown: ['level:l2'] },
      { at: '2026-07-14T11:45:00.000Z', shown: ['warn-level:l3'] },
      { at: '2026-07-14T12:00:00.000Z', shown: ['level:l3'] },
      { at: '2026-07-14T13:45:00.000Z', shown: ['warn-level:director'] },
      { at: '2026-07-14T14:00:00.000Z', shown: ['level:director'] },
      { at: '2026-07-14T19:45:00.000Z', shown: ['warn-level:executive'] },
      { at: '2026-07-14T20:00:00.000Z', shown: ['level:executive'] },
    ]);
  });

  it('shows nothing a second time at the same instant', () => {
    const now = at('2026-07-14T10:00:00Z');
    const first = dueNotifications([alarmTicket(sev1(), now)], at('2026-07-14T09:59:00Z'), now, dueOptions());
    const shown = Object.fromEntries([...first.toRecord.values()].flat().map((k) => [k, now.toISOString()]));
    const second = dueNotifications([alarmTicket(sev1(), now, { shown })], now, now, dueOptions());
    expect(first.notifications.length).toBeGreaterThan(0);
    expect(second.notifications).toEqual([]);
  });

  it('has no next wake once every instant has passed and was shown', () => {
    const { states } = runWakes([sev1()], at('2026-07-14T08:00:00Z'), at('2026-07-14T21:00:00Z'), dueOptions());
    const item = alarmTicket(sev1(), at('2026-07-14T21:00:00Z'), states.get('zendesk:35436'));
    expect(nextWakeAt([item], at('2026-07-14T21:00:00Z'), dueOptions())).toBeNull();
  });
});

describe('sleep catch-up', () => {
  const asleepFrom = at('2026-07-14T08:01:00Z');
  const wokeAt = at('2026-07-14T15:00:00Z');
  const jira = sev1({ system: 'jira', id: 'OPS-42', createdAt: '2026-07-14T07:00:00.000Z' });

  it('reports deadlines that passed while asleep in one summary', () => {
    // OPS-42's response (07:30) fell due before the sleep and was shown then.
    const jiraShown = { 'jira:OPS-42|response|due|2026-07-14T07:30:00.000Z': '2026-07-14T07:30:00.000Z' };
    const plan = dueNotifications([alarmTicket(sev1(), wokeAt), alarmTicket(jira, wokeAt, { shown: jiraShown })], asleepFrom, wokeAt, dueOptions());
    expect(plan.notifications).toHaveLength(1);
    const [summary] = plan.notifications;
    expect(summary?.kind).toBe('summary');
    // 35436: response 08:30, levels 10:00, 12:00, 14:00; OPS-42: levels 09:00, 11:00, 13:00.
    expect(summary?.kind === 'summary' && summary.events.length).toBe(7);
  });

  it('shows the summary once: after recording, the next wake shows nothing', () => {
    const plan = dueNotifications([alarmTicket(sev1(), wokeAt)], asleepFrom, wokeAt, dueOptions());
    const shown = Object.fromEntries([...plan.toRecord.values()].flat().map((k) => [k, wokeAt.toISOString()]));
    const again = dueNotifications([alarmTicket(sev1(), wokeAt, { shown })], wokeAt, at('2026-07-14T15:01:00Z'), dueOptions());
    expect(again.notifications).toEqual([]);
  });

  it('shows a single missed deadline on its own, not as a summary', () => {
    // Replied 09:10, so the hourly update fell due at 10:10 — before the last check, and shown then.
    const ticket = sev1({ createdAt: '2026-07-14T09:00:00.000Z', history: [{ at: '2026-07-14T09:10:00.000Z', kind: 'publicReply' }] });
    const shown = { 'zendesk:35436|update|due|2026-07-14T10:10:00.000Z': '2026-07-14T10:10:00.000Z' };
    const plan = dueNotifications([alarmTicket(ticket, at('2026-07-14T11:30:00Z'), { shown })], at('2026-07-14T10:30:00Z'), at('2026-07-14T11:30:00Z'), dueOptions());
    expect(describePlan(plan)).toEqual(['level:l2']);
  });

  it('does not call an on-time wake "asleep"', () => {
    const now = at('2026-07-14T10:00:30Z');
    const plan = dueNotifications([alarmTicket(sev1(), now, { shown: RESPONSE_SHOWN })], at('2026-07-14T09:45:00Z'), now, dueOptions());
    expect(describePlan(plan)).toEqual(['level:l2']);
  });

  it('drops warnings whose deadline passed during the sleep', () => {
    const plan = dueNotifications([alarmTicket(sev1(), wokeAt)], asleepFrom, wokeAt, dueOptions());
    const recorded = [...plan.toRecord.values()].flat();
    expect(plan.notifications.every((n) => n.kind === 'summary')).toBe(true);
    expect(recorded.some((k) => k.includes('|warn-'))).toBe(false);
  });
});

describe('acknowledgement silences a role', () => {
  it('records a level silently when every role due is acknowledged', () => {
    const now = at('2026-07-14T10:00:00Z');
    const plan = dueNotifications([alarmTicket(sev1(), now, { acknowledged: ['sales-rep'], shown: RESPONSE_SHOWN })], at('2026-07-14T09:59:00Z'), now, dueOptions());
    expect(plan.notifications).toEqual([]);
    expect([...plan.toRecord.values()].flat()).toEqual(['zendesk:35436|level|l2|2026-07-14T08:00:00.000Z']);
  });

  it('a role recorded on the ticket by a teammate silences it too', () => {
    const now = at('2026-07-14T10:00:00Z');
    const ticket = sev1({ history: [{ at: '2026-07-14T09:58:00.000Z', kind: 'notified', role: 'sales-rep' }] });
    expect(dueNotifications([alarmTicket(ticket, now, { shown: RESPONSE_SHOWN })], at('2026-07-14T09:59:00Z'), now, dueOptions()).notifications).toEqual([]);
  });

  it('reminds while a role is still pending, and stops once it is acknowledged', () => {
    const options = dueOptions({ reminderMinutes: 30 });
    const shown = { ...RESPONSE_SHOWN, 'zendesk:35436|level|l2|2026-07-14T08:00:00.000Z': '2026-07-14T10:00:00.000Z' };
    const now = at('2026-07-14T10:30:00Z');
    const pending = dueNotifications([alarmTicket(sev1(), now, { shown })], at('2026-07-14T10:29:00Z'), now, options);
    expect(describePlan(pending)).toEqual(['reminder']);
    const acknowledged = alarmTicket(sev1(), now, { shown, acknowledged: ['sales-rep'] });
    expect(dueNotifications([acknowledged], at('2026-07-14T10:29:00Z'), now, options).notifications).toEqual([]);
    expect(nextWakeAt([acknowledged], now, options)).toEqual(at('2026-07-14T11:45:00Z'));
  });

  it('still reports an overdue customer update after the roles are acknowledged', () => {
    const now = at('2026-07-14T08:30:00Z');
    const plan = dueNotifications([alarmTicket(sev1(), now, { acknowledged: ['sales-rep'] })], at('2026-07-14T08:29:00Z'), now, dueOptions());
    expect(describePlan(plan)).toEqual(['response']);
  });
});

describe('snooze', () => {
  it('holds notifications until the snooze ends, then shows them', () => {
    const snoozedUntil = '2026-07-14T10:15:00.000Z';
    const state = { snoozedUntil, shown: RESPONSE_SHOWN };
    const options = dueOptions();
    const at1000 = at('2026-07-14T10:00:00Z');
    const during = dueNotifications([alarmTicket(sev1(), at1000, state)], at('2026-07-14T09:59:00Z'), at1000, options);
    expect(during.notifications).toEqual([]);
    expect(during.toRecord.size).toBe(0);
    expect(nextWakeAt([alarmTicket(sev1(), at1000, state)], at1000, options)).toEqual(at(snoozedUntil));
    const after = dueNotifications([alarmTicket(sev1(), at(snoozedUntil), state)], at1000, at(snoozedUntil), options);
    expect(describePlan(after)).toEqual(['level:l2']);
  });

  it('a long snooze does not turn held deadlines into a "while asleep" summary', () => {
    const snoozedUntil = '2026-07-14T12:30:00.000Z';
    const wake = at(snoozedUntil);
    const plan = dueNotifications([alarmTicket(sev1(), wake, { snoozedUntil, shown: RESPONSE_SHOWN })], at('2026-07-14T09:30:00Z'), wake, dueOptions());
    expect(describePlan(plan)).toEqual(['level:l3']);
  });
});

describe('quiet hours apply to Sev 3–4 only', () => {
  // Sev 3 HQ ticket opened Monday 2026-07-13 10:00 Los Angeles: level 2 at 3 business days → Thu 18:00 LA (Fri 01:00 UTC).
  const sev3 = sev1({ id: '500', severity: 3, createdAt: '2026-07-13T17:00:00.000Z', history: [{ at: '2026-07-13T17:30:00.000Z', kind: 'publicReply' }] });
  const quiet = { enabled: true, start: '17:00', end: '09:00', days: ['mon', 'tue', 'wed', 'thu', 'fri'] as Array<'mon' | 'tue' | 'wed' | 'thu' | 'fri'>, timeZone: null };
  const options = dueOptions({ quietHours: quiet, timeZone: 'America/Los_Angeles' });
  const levelAt = at('2026-07-17T01:00:00Z');

  it('holds a Sev 3 level start during quiet hours and wakes when they end', () => {
    const item = alarmTicket(sev3, levelAt);
    expect(dueNotifications([item], at('2026-07-17T00:59:00Z'), levelAt, options).notifications).toEqual([]);
    expect(nextWakeAt([item], levelAt, options)).toEqual(at('2026-07-17T16:00:00Z'));
  });

  it('shows the held Sev 3 notification when quiet hours end, not as missed', () => {
    const end = at('2026-07-17T16:00:00Z');
    const plan = dueNotifications([alarmTicket(sev3, end)], levelAt, end, options);
    // Level 2 and the 3-business-day update both fall due Thursday 18:00 Los Angeles.
    expect(describePlan(plan)).toEqual(['level:l2', 'update']);
  });

  it('always shows Sev 1 during quiet hours', () => {
    const now = at('2026-07-15T02:00:00Z'); // 19:00 Los Angeles, Tuesday
    const ticket = sev1({ createdAt: '2026-07-15T00:00:00.000Z' });
    const shown = { 'zendesk:35436|response|due|2026-07-15T00:30:00.000Z': '2026-07-15T00:30:00.000Z' };
    const plan = dueNotifications([alarmTicket(ticket, now, { shown })], at('2026-07-15T01:59:00Z'), now, options);
    expect(describePlan(plan)).toEqual(['level:l2']);
  });
});

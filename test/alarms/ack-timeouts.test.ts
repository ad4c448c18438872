import { describe, expect, it } from 'vitest';
import { dueNotifications, nextWakeAt, ticketAlarmEvents, type AlarmTicket, type DueOptions, type DuePlan } from '../../lib/alarms';
import { ackTimeoutsOf, passedAckTimeouts } from '../../lib/alarms/ack-timeouts';
import type { TicketJson } from '../../lib/engine/ticket-schema';
import { defaultPolicy } from '../../lib/policy';
import { renderNotification, type ContentContext } from '../../lib/view-model';
import { sampleDirectory } from '../people/directory-fixture';
import { ticketJson } from '../storage/watched-ticket-builders';
import { alarmTicket, at, dueOptions, RESPONSE_SHOWN, sev1, tCatalog, type TicketState } from './alarm-fixtures';

/**
 * Acknowledgement timeouts (issue 15 item 6): a role still pending N minutes after its level
 * started is notified again, with the on-duty Escalation Director added; once per level.
 */

const ON = { '1': 15, '2': 60, '3': 0, '4': 0 };
const options = (overrides: Partial<DueOptions> = {}) => dueOptions({ ackTimeouts: ON, ...overrides });

const context = (now: Date): ContentContext => ({
  t: tCatalog,
  policy: defaultPolicy,
  directory: sampleDirectory(),
  now,
  formatTime: (d) => d.toISOString().slice(11, 16),
});

function record(state: TicketState, plan: DuePlan, now: Date): TicketState {
  const keys = [...plan.toRecord.values()].flat();
  return { ...state, shown: { ...state.shown, ...Object.fromEntries(keys.map((key) => [key, now.toISOString()])) } };
}

/** The background's loop (wake, record, show, re-arm) from `start` to `end`; ack roles at given instants. Logs all but warnings. */
function run(json: TicketJson, start: Date, end: Date, opts: DueOptions, acks: Array<{ at: string; role: string }> = [], state0: TicketState = {}) {
  let state: TicketState = { shown: { ...RESPONSE_SHOWN }, ...state0 };
  const log: string[] = [];
  let now = start;
  let lastCheckedAt: Date | null = null;
  for (let guard = 0; guard < 200 && now.getTime() <= end.getTime(); guard++) {
    const acknowledged = acks.filter((ack) => Date.parse(ack.at) <= now.getTime()).map((ack) => ack.role);
    state = { ...state, acknowledged };
    const item = alarmTicket(json, now, state);
    const plan = dueNotifications([item], lastCheckedAt, now, opts);
    state = record(state, plan, now);
    for (const n of plan.notifications) if (n.kind === 'event' && !n.event.kind.startsWith('warn')) log.push(`${now.toISOString().slice(11, 16)} ${n.event.kind}:${n.event.level?.id ?? ''}`);
    lastCheckedAt = now;
    const wakes = [nextWakeAt([alarmTicket(json, now, state)], now, opts), ...acks.map((ack) => at(ack.at))].filter(
      (d): d is Date => d !== null && d.getTime() > now.getTime(),
    );
    if (wakes.length === 0) break;
    now = new Date(Math.min(...wakes.map((d) => d.getTime())));
  }
  return { log, state };
}

describe('acknowledgement timeouts: when', () => {
  it('re-notifies a Sev 1 level 15 minutes after it started, once, and the wake is armed for that minute', () => {
    const { log } = run(sev1(), at('2026-07-14T09:59:00Z'), at('2026-07-14T11:00:00Z'), options());
    expect(log).toEqual(['10:00 level:l2', '10:15 ack-timeout:l2']);
    const item = alarmTicket(sev1(), at('2026-07-14T10:00:00Z'), { shown: { ...RESPONSE_SHOWN, 'zendesk:35436|level|l2|2026-07-14T08:00:00.000Z': '2026-07-14T10:00:00.000Z' } });
    expect(nextWakeAt([item], at('2026-07-14T10:00:00Z'), options())).toEqual(at('2026-07-14T10:15:00Z'));
  });

  it('is inclusive: due at 10:15:00, not at 10:14:59', () => {
    const before = alarmTicket(sev1(), at('2026-07-14T10:14:59Z'));
    expect(passedAckTimeouts(before.evaluation, ON, at('2026-07-14T10:14:59Z'))).toEqual([]);
    const on = alarmTicket(sev1(), at('2026-07-14T10:15:00Z'));
    expect(passedAckTimeouts(on.evaluation, ON, at('2026-07-14T10:15:00Z')).map((t) => t.at.toISOString())).toEqual(['2026-07-14T10:15:00.000Z']);
  });

  it('does not re-notify a level whose roles were acknowledged in time', () => {
    const { log } = run(sev1(), at('2026-07-14T09:59:00Z'), at('2026-07-14T11:00:00Z'), options(), [{ at: '2026-07-14T10:14:00Z', role: 'sales-rep' }]);
    expect(log).toEqual(['10:00 level:l2']);
  });

  it('uses 60 minutes for Sev 2 and nothing for a severity set to 0', () => {
    const sev2 = ticketJson({ id: '2', severity: 2, createdAt: '2026-07-14T08:00:00.000Z' }); // level 2 at 12:00
    const events = ticketAlarmEvents(alarmTicket(sev2, at('2026-07-14T12:30:00Z')), options()).filter((e) => e.kind === 'ack-timeout');
    expect(events.map((e) => e.at.toISOString())).toEqual(['2026-07-14T13:00:00.000Z']);
    const off = ticketAlarmEvents(alarmTicket(sev2, at('2026-07-14T12:30:00Z')), options({ ackTimeouts: { ...ON, '2': 0 } }));
    expect(off.filter((e) => e.kind === 'ack-timeout')).toEqual([]);
    expect(ticketAlarmEvents(alarmTicket(sev1(), at('2026-07-14T12:30:00Z')), dueOptions()).filter((e) => e.kind === 'ack-timeout')).toEqual([]);
  });

  it('is exact to the minute in the office zone across DST (HQ Sev 3, business days, Los Angeles springs forward)', () => {
    // Opened Friday 2026-03-06 10:00 PST. 3 business days → Wednesday 2026-03-11 18:00 PDT (UTC-7) = 2026-03-12T01:00Z.
    const sev3 = ticketJson({ id: '3', severity: 3, office: 'hq', createdAt: '2026-03-06T18:00:00.000Z' });
    const now = at('2026-03-12T01:30:00Z');
    const [timeout] = ackTimeoutsOf(alarmTicket(sev3, now).evaluation, { '3': 45 });
    expect(timeout?.levelStartedAt.toISOString()).toBe('2026-03-12T01:00:00.000Z');
    expect(timeout?.at.toISOString()).toBe('2026-03-12T01:45:00.000Z');
  });

  it('is exact in Shanghai too (level 2 of a Sev 3 at 18:00 CST is 10:00Z; 30 minutes → 10:30Z)', () => {
    // Opened Monday 2026-07-13 10:00 CST; 3 business days → Thursday 2026-07-16 18:00 CST.
    const sev3 = ticketJson({ id: '4', severity: 3, office: 'shanghai', createdAt: '2026-07-13T02:00:00.000Z' });
    const [timeout] = ackTimeoutsOf(alarmTicket(sev3, at('2026-07-16T11:00:00Z')).evaluation, { '3': 30 });
    expect(timeout?.at.toISOString()).toBe('2026-07-16T10:30:00.000Z');
  });

  it('re-notifies nothing while the clock is paused (waiting on the customer)', () => {
    const waiting = sev1({ status: 'waiting' });
    expect(ackTimeoutsOf(alarmTicket(waiting, at('2026-07-14T10:30:00Z')).evaluation, ON)).toEqual([]);
  });
});

describe('acknowledgement timeouts: never twice', () => {
  it('a wake after a service-worker restart (same recorded keys) raises nothing again', () => {
    const now = at('2026-07-14T10:15:00Z');
    const first = dueNotifications([alarmTicket(sev1(), now, { shown: RESPONSE_SHOWN })], at('2026-07-14T10:14:00Z'), now, options());
    const state = record({ shown: RESPONSE_SHOWN }, first, now);
    const again = dueNotifications([alarmTicket(sev1(), at('2026-07-14T10:16:00Z'), state)], now, at('2026-07-14T10:16:00Z'), options());
    expect(again.notifications).toEqual([]);
  });

  it('a pause moves later levels and their timeouts with it; each level is re-notified once', () => {
    // Waiting 10:20–10:50 moves level 3 from 12:00 to 12:30, so its timeout to 12:45.
    const history = [
      { at: '2026-07-14T08:00:00.000Z', kind: 'severity' as const, to: 1 as const },
      { at: '2026-07-14T10:20:00.000Z', kind: 'status' as const, to: 'waiting' as const },
      { at: '2026-07-14T10:50:00.000Z', kind: 'status' as const, to: 'active' as const },
    ];
    const json = sev1({ history });
    const { log } = run(json, at('2026-07-14T09:59:00Z'), at('2026-07-14T13:30:00Z'), options());
    expect(log.filter((line) => line.includes('ack-timeout'))).toEqual(['10:15 ack-timeout:l2', '12:45 ack-timeout:l3']);
  });

  it('a role listed at a later level belongs to the level that first brought it in', () => {
    const item = alarmTicket(sev1(), at('2026-07-14T12:20:00Z'));
    const timeouts = ackTimeoutsOf(item.evaluation, ON);
    expect(timeouts.map((t) => [t.levelId, t.roles])).toEqual([
      ['l2', ['sales-rep']],
      ['l3', ['district-sales-manager']],
    ]);
  });

  it('a reminder due at the same wake as a re-notification is recorded silently', () => {
    const now = at('2026-07-14T10:15:00Z');
    const shown = { ...RESPONSE_SHOWN, 'zendesk:35436|level|l2|2026-07-14T08:00:00.000Z': '2026-07-14T10:00:00.000Z' };
    const plan = dueNotifications([alarmTicket(sev1(), now, { shown })], at('2026-07-14T10:14:00Z'), now, options({ reminderMinutes: 15 }));
    expect(plan.notifications.map((n) => (n.kind === 'event' ? n.event.kind : n.kind))).toEqual(['ack-timeout']);
  });
});

describe('acknowledgement timeouts: what the notification says', () => {
  it("names the level's pending roles and the on-duty Escalation Director", () => {
    const now = at('2026-07-14T10:15:00Z');
    const shown = { ...RESPONSE_SHOWN, 'zendesk:35436|level|l2|2026-07-14T08:00:00.000Z': '2026-07-14T10:00:00.000Z' };
    const item: AlarmTicket = alarmTicket(sev1(), now, { shown, organization: 'Acme Corp' });
    const [planned] = dueNotifications([item], at('2026-07-14T10:14:00Z'), now, options()).notifications;
    if (!planned) throw new Error('expected the re-notification');
    const content = renderNotification(planned, context(now));
    expect(content.title).toBe('#35436: level 2 not acknowledged after 15 min');
    expect(content.message.split('\n')).toEqual([
      'Notify again, Escalation Director added:',
      'Sales Rep: Jane Doe (jane@example.com)',
      // Rotation anchored 2026-03-02 in Los Angeles: the week of 2026-07-13 is Blair's.
      'On-duty Escalation Director: Blair Week-Two',
      'Next customer update due 08:30',
    ]);
    expect(content).toMatchObject({ requireInteraction: true, canMarkNotified: true });
  });

  it('does not add the director twice when the director is the role not acknowledged', () => {
    const now = at('2026-07-14T14:15:00Z');
    const item = alarmTicket(sev1(), now, { acknowledged: ['sales-rep', 'district-sales-manager'] });
    const director = ackTimeoutsOf(item.evaluation, ON).find((t) => t.levelId === 'director');
    expect(director).toMatchObject({ roles: ['escalation-director'], directorAdded: false });
  });

  it('re-notifications slept through are reported in the sleep summary', () => {
    const now = at('2026-07-14T11:00:00Z');
    const items = ['35436', '35437'].map((id) =>
      alarmTicket(sev1({ id }), now, {
        shown: {
          [`zendesk:${id}|response|due|2026-07-14T08:30:00.000Z`]: '2026-07-14T08:30:00.000Z',
          [`zendesk:${id}|level|l2|2026-07-14T08:00:00.000Z`]: '2026-07-14T10:00:00.000Z',
        },
      }),
    );
    const plan = dueNotifications(items, at('2026-07-14T10:05:00Z'), now, options());
    const [summary] = plan.notifications;
    expect(summary?.kind).toBe('summary');
    expect(summary && renderNotification(summary, context(now)).message).toContain('#35436 level 2 not acknowledged in time at 10:15');
  });

  it('a ticket first seen past level start + timeout gets the level and the re-notification with the director', () => {
    const now = at('2026-07-14T10:20:00Z');
    const plan = dueNotifications([alarmTicket(sev1(), now, { shown: RESPONSE_SHOWN })], null, now, options());
    expect(plan.notifications.map((n) => (n.kind === 'event' ? n.event.kind : n.kind))).toEqual(['level', 'ack-timeout']);
    expect(plan.toRecord.get('zendesk:35436')).toEqual(
      expect.arrayContaining(['zendesk:35436|ack-timeout|l2|2026-07-14T08:00:00.000Z', 'zendesk:35436|level|l2|2026-07-14T08:00:00.000Z']),
    );
  });
});

import { describe, expect, test } from 'vitest';
import { ticketAlarmEvents, type AlarmTicket } from '../../lib/alarms/alarm-events';
import { evaluate } from '../../lib/engine/evaluate';
import type { Ticket } from '../../lib/engine/types';
import { readPageTicketView } from '../../lib/messages/page-view';
import { popupRowSchema } from '../../lib/messages/popup-row';
import { emptyDirectory, type Directory } from '../../lib/people';
import { defaultPolicy } from '../../lib/policy';
import { pageTicketView, popupMessage, popupRow, renderNotification, shownEvaluation, type ContentContext } from '../../lib/view-model';
import { makeTicket, NOW } from '../content/harness';
import { englishWords, seededDirectory, viewContext } from './view-fixtures';

/**
 * Issue 15 item 6 on every surface (issue 11: one truth): once a level's acknowledgement timeout
 * passed with roles still pending, the on-duty Escalation Director the re-notification names is
 * also in the panel's and the popup's people to notify and in the copy / email message's "To:",
 * marked as added by the timeout, until told.
 */

const TIMEOUTS = { '1': 15, '2': 60, '3': 0, '4': 0 };
const DIRECTOR = 'escalation-director';
const READ = { source: 'api', nativeSla: [], ackNoteMode: 'off' } as const;
/** Sev 1 at level 2 (2 h after creation), the Sales Rep not told: `minutesIntoLevel2` after level 2 started. */
const atLevel2 = (minutesIntoLevel2: number): Ticket => ({ ...makeTicket('35436', 1, 120 + minutesIntoLevel2), organization: 'Acme Corp' });

/** `acknowledged`: role → how many minutes ago it was marked notified. */
function surfaces(ticket: Ticket, options: { acknowledged?: Record<string, number>; directory?: Directory; timeouts?: typeof TIMEOUTS | undefined } = {}) {
  const acks = Object.fromEntries(
    Object.entries(options.acknowledged ?? {}).map(([role, ago]) => [role, { at: new Date(NOW.getTime() - ago * 60_000).toISOString(), by: 'local' as const }]),
  );
  const directory = options.directory ?? seededDirectory();
  const evaluation = evaluate(ticket, defaultPolicy, NOW, Object.keys(acks));
  const ackTimeouts = 'timeouts' in options ? options.timeouts : TIMEOUTS;
  const ctx = viewContext(NOW, { directory, organization: 'Acme Corp', acknowledged: acks, ...(ackTimeouts ? { ackTimeouts } : {}) });
  const view = readPageTicketView(JSON.parse(JSON.stringify(pageTicketView(ticket, evaluation, ctx, READ))), 'view');
  const row = popupRowSchema.parse(
    JSON.parse(JSON.stringify(popupRow({ key: 'zendesk:35436', ticket, evaluation, mine: false, acknowledged: acks, refreshError: null }, ctx))),
  );
  const message = popupMessage({ ticket, evaluation, toTell: row.toTell }, { policy: defaultPolicy, now: NOW, words: englishWords });
  return { evaluation, view, row, message };
}

const toOf = (mailto: string | undefined): string[] => decodeURIComponent(mailto?.slice('mailto:'.length).split('?')[0] ?? '').split(',').filter(Boolean);

describe('the on-duty Escalation Director a passed acknowledgement timeout added', () => {
  test('15 min after level 2 started, the panel lists the director after the Sales Rep, named, marked as added, with its own message', () => {
    const { view } = surfaces(atLevel2(20));
    expect(view.people.map((p) => [p.roleId, p.pending, p.addedByTimeout])).toEqual([
      ['sales-rep', true, null],
      [DIRECTOR, true, { level: 2, minutes: 15 }],
    ]);
    const director = view.people.find((p) => p.roleId === DIRECTOR);
    expect(director).toMatchObject({ name: 'On-duty Escalation Director', level: 2, holders: [{ name: 'Lee Chen', email: 'lee.chen@example.com' }] });
    expect(toOf(director?.message.mailto)).toEqual(['lee.chen@example.com']);
    expect(director?.message.body).toContain('Hello Lee Chen,');
  });

  test('the popup row names the director to tell, and its message goes to the Sales Rep and the director', () => {
    const { row, message } = surfaces(atLevel2(20));
    expect(row.toTell.map((r) => [r.roleId, r.holders.map((h) => h.name), r.addedBy ?? null])).toEqual([
      ['sales-rep', ['Jane Doe'], null],
      [DIRECTOR, ['Lee Chen'], { level: 2, minutes: 15 }],
    ]);
    expect(toOf(message?.mailto)).toEqual(['jane.doe@example.com', 'lee.chen@example.com']);
    expect(message?.body).toContain('Lee Chen (On-duty Escalation Director)');
  });

  test('the notification names the same person the panel and the popup do', () => {
    const ticket = atLevel2(20);
    const { evaluation, view, row } = surfaces(ticket);
    const item: AlarmTicket = { key: 'zendesk:35436', ticket, evaluation, shown: {}, organization: 'Acme Corp' };
    const event = ticketAlarmEvents(item, { leads: { override: {}, policy: {} }, reminderMinutes: 0, ackTimeouts: TIMEOUTS }).find((e) => e.kind === 'ack-timeout');
    if (!event) throw new Error('no acknowledgement timeout');
    const ctx: ContentContext = { t: englishWords.t, policy: defaultPolicy, directory: seededDirectory(), now: NOW, formatTime: (at) => at.toISOString().slice(11, 16) };
    const text = renderNotification({ kind: 'event', id: event.key, event, ticket: item }, ctx).message;
    expect(text).toContain('On-duty Escalation Director: Lee Chen (lee.chen@example.com)');
    expect(view.people.find((p) => p.roleId === DIRECTOR)?.holders).toEqual([{ name: 'Lee Chen', email: 'lee.chen@example.com' }]);
    expect(row.toTell.find((r) => r.roleId === DIRECTOR)?.holders).toEqual([{ name: 'Lee Chen', email: 'lee.chen@example.com' }]);
  });

  test('before the timeout, with timeouts off, or when the Sales Rep was told before the timeout, nobody is added', () => {
    for (const { view, row, message } of [
      surfaces(atLevel2(14)),
      surfaces(atLevel2(20), { timeouts: undefined }),
      surfaces(atLevel2(20), { acknowledged: { 'sales-rep': 6 } }), // told 14 min into level 2
    ]) {
      expect(view.people.map((p) => p.roleId)).toEqual(['sales-rep']);
      expect(row.toTell.map((r) => r.roleId)).not.toContain(DIRECTOR);
      expect(toOf(message?.mailto)).not.toContain('lee.chen@example.com');
    }
  });

  test('the page asks again at the timeout minute, when the director joins', () => {
    expect(surfaces(atLevel2(10)).view.refreshAt).toBe(NOW.getTime() + 5 * 60_000);
  });

  test('nobody in the directory: the director is still listed, with nobody named and nobody in "To:"', () => {
    const { view, row, message } = surfaces(atLevel2(20), { directory: emptyDirectory() });
    expect(view.people.find((p) => p.roleId === DIRECTOR)).toMatchObject({ holders: [], pending: true, addedByTimeout: { level: 2, minutes: 15 } });
    expect(row.toTell.find((r) => r.roleId === DIRECTOR)?.holders).toEqual([]);
    expect(toOf(message?.mailto)).toEqual([]);
  });

  test('the Sales Rep told after the timeout does not undo it: the director is still to tell', () => {
    const { view, row, message } = surfaces(atLevel2(20), { acknowledged: { 'sales-rep': 2 } });
    expect(view.people.map((p) => [p.roleId, p.pending])).toEqual([
      ['sales-rep', false],
      [DIRECTOR, true],
    ]);
    expect(row.toTell.map((r) => r.roleId)).toEqual([DIRECTOR]);
    expect(toOf(message?.mailto)).toEqual(['lee.chen@example.com']);
  });

  test('while the director is still to tell, the ticket reads "notify" (never "on track" beside someone to tell); once told, the engine\'s own state again', () => {
    // The customer answered 3 min ago: nothing overdue.
    const ticket: Ticket = { ...atLevel2(20), history: [{ at: new Date(NOW.getTime() - 3 * 60_000), kind: 'publicReply' }] };
    const lateRep = surfaces(ticket, { acknowledged: { 'sales-rep': 2 } });
    expect(['ok', 'warning']).toContain(lateRep.evaluation.state); // the engine: the level's own roles are told
    expect(lateRep.view.state).toBe('notify');
    const acks = { 'sales-rep': { at: new Date(NOW.getTime() - 2 * 60_000).toISOString() } };
    expect(shownEvaluation(ticket, lateRep.evaluation, TIMEOUTS, acks, NOW).state).toBe('notify');
    const bothTold = surfaces(ticket, { acknowledged: { 'sales-rep': 2, [DIRECTOR]: 1 } });
    expect(bothTold.view.state).toBe(bothTold.evaluation.state);
    expect(bothTold.view.state).not.toBe('notify');
    // Timeouts off: nobody added, the engine's state.
    const off = surfaces(ticket, { acknowledged: { 'sales-rep': 2 }, timeouts: undefined });
    expect(off.view.state).toBe(off.evaluation.state);
  });

  test('once told (here, or by a note on the ticket), the director is no longer to tell: the panel says notified, the popup lists it as told', () => {
    const told = surfaces(atLevel2(20), { acknowledged: { [DIRECTOR]: 1 } });
    expect(told.view.people.map((p) => [p.roleId, p.pending])).toEqual([
      ['sales-rep', true],
      [DIRECTOR, false],
    ]);
    expect(told.row.toTell.map((r) => r.roleId)).toEqual(['sales-rep']);
    expect(told.row.notified.map((n) => n.roleId)).toEqual([DIRECTOR]);
    expect(toOf(told.message?.mailto)).toEqual(['jane.doe@example.com']);
    const ticket = atLevel2(20);
    const noted = surfaces({ ...ticket, history: [{ at: new Date(NOW.getTime() - 60_000), kind: 'notified', role: DIRECTOR }] });
    expect(noted.row.toTell.map((r) => r.roleId)).toEqual(['sales-rep']);
  });

  test('a director already one of the levels\' roles (level 4) is listed once', () => {
    const ticket: Ticket = { ...makeTicket('35436', 1, 370), organization: 'Acme Corp' };
    const { evaluation, view, row } = surfaces(ticket);
    expect(evaluation.notify).toContain(DIRECTOR);
    expect(view.people.filter((p) => p.roleId === DIRECTOR)).toHaveLength(1);
    expect(row.toTell.filter((r) => r.roleId === DIRECTOR)).toHaveLength(1);
  });
});

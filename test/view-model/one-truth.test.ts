import { describe, expect, test } from 'vitest';
import type { AlarmTicket } from '../../lib/alarms';
import { evaluate } from '../../lib/engine/evaluate';
import type { Ticket, TicketEvent } from '../../lib/engine/types';
import { readPageRowView, readPageTicketView } from '../../lib/messages/page-view';
import { popupRowSchema } from '../../lib/messages/popup-row';
import {
  checkingRowView,
  unavailableRowView,
  escalationMessage,
  pageRowView,
  pageTicketView,
  peopleLines,
  popupRow,
  popupMessage as popupRowMessage,
  rolesToTell,
  stateWordKey,
  type ContentContext,
} from '../../lib/view-model';
import { defaultPolicy } from '../../lib/policy';
import { emptyDirectory, type Directory } from '../../lib/people';
import { makeTicket, NOW } from '../content/harness';
import { englishWords, seededDirectory, viewContext } from './view-fixtures';

/**
 * Issue 11: one evaluation, one truth. Every surface built from the same evaluation says the same
 * state in the same words, and names the same people for a due role, with their address.
 */

const minutesAgo = (n: number) => new Date(NOW.getTime() - n * 60_000);
const withHistory = (ticket: Ticket, history: TicketEvent[], changes: Partial<Ticket> = {}): Ticket => ({ ...ticket, history, ...changes });
const reply = (minutes: number): TicketEvent => ({ at: minutesAgo(minutes), kind: 'publicReply' });

const cases: Array<{ name: string; ticket: Ticket; acknowledged?: string[]; state: string }> = [
  { name: 'Sev 1 never answered', ticket: makeTicket('1', 1, 130), state: 'overdue' },
  { name: 'Sev 1 answered, level 2 reached, Sales Rep not told', ticket: withHistory(makeTicket('2', 1, 130), [reply(120), reply(30)]), state: 'notify' },
  {
    name: 'Sev 1 answered, Sales Rep told',
    ticket: withHistory(makeTicket('3', 1, 130), [reply(120), reply(30)]),
    acknowledged: ['sales-rep'],
    state: 'ok',
  },
  {
    name: 'waiting on the customer',
    ticket: withHistory(makeTicket('4', 2, 60), [reply(50), { at: minutesAgo(40), kind: 'status', to: 'waiting' }], { status: 'waiting' }),
    state: 'paused',
  },
  { name: 'solved', ticket: withHistory(makeTicket('5', 3, 60), [reply(50), { at: minutesAgo(40), kind: 'status', to: 'solved' }], { status: 'solved' }), state: 'stopped' },
  { name: 'no severity', ticket: makeTicket('6', null, 60), state: 'unknown' },
];

const wire = <T,>(value: T): unknown => JSON.parse(JSON.stringify(value));

describe('the same evaluation gives the same state on every surface', () => {
  test.each(cases)('$name: $state', ({ ticket, acknowledged = [], state }) => {
    const evaluation = evaluate(ticket, defaultPolicy, NOW, acknowledged);
    expect(evaluation.state).toBe(state);
    const badge = readPageTicketView(wire(pageTicketView(ticket, evaluation, viewContext(NOW), { source: 'api', nativeSla: [], ackNoteMode: 'off' })), 'view');
    const row = readPageRowView(wire(pageRowView(evaluation, undefined, NOW)), 'row');
    const popup = popupRowSchema.parse(
      wire(popupRow({ key: `zendesk:${ticket.id}`, ticket, evaluation, mine: false, acknowledged: {}, refreshError: null }, viewContext(NOW))),
    );
    expect([badge.state, row.state, popup.evaluation.state]).toEqual([state, state, state]);
    expect(new Set([badge.state, row.state, popup.evaluation.state].map(stateWordKey)).size).toBe(1);
    // The roles to tell are the same on the panel and in the popup.
    expect(popup.toTell.map((role) => role.roleId)).toEqual(badge.people.filter((person) => person.pending).map((person) => person.roleId));
  });

  test('each state has its own words; "checking" is neutral, never a word of lateness', () => {
    const words = ['unknown', 'stopped', 'paused', 'overdue', 'notify', 'warning', 'ok', 'checking'].map((s) =>
      englishWords.t(stateWordKey(s as Parameters<typeof stateWordKey>[0])),
    );
    expect(new Set(words).size).toBe(words.length);
    const checking = englishWords.t(stateWordKey('checking'));
    expect(checking).toMatch(/checking/i);
    expect(checking).not.toMatch(/overdue|late|notify/i);
  });

  test('a row whose history is not known yet is "checking", with no countdown, and pages accept it', () => {
    expect(readPageRowView(wire(checkingRowView('35436')), 'row')).toEqual({ id: '35436', state: 'checking', deadlineAt: null, refreshAt: null, unavailable: null });
  });

  test('a row whose history the helpdesk will not give is "unavailable" with its reason, no countdown, and pages accept it', () => {
    expect(readPageRowView(wire(unavailableRowView('35436', 'forbidden')), 'row')).toEqual({
      id: '35436',
      state: 'unavailable',
      deadlineAt: null,
      refreshAt: null,
      unavailable: 'forbidden',
    });
  });
});

/** A Sev 1 ticket of Acme Corp at level 4 (6 h 10 min): Sales Rep, District Sales Manager and the Escalation Director are due. */
const level4 = withHistory(makeTicket('35436', 1, 370), [reply(360), reply(30)]);
const level4Evaluation = evaluate(level4, defaultPolicy, NOW, []);

function surfaces(directory: Directory, organization: string | null) {
  const ctx = viewContext(NOW, { directory, organization });
  const view = pageTicketView(level4, level4Evaluation, ctx, { source: 'api', nativeSla: [], ackNoteMode: 'off' });
  const alarmTicket: AlarmTicket = {
    key: 'zendesk:35436',
    ticket: level4,
    evaluation: level4Evaluation,
    shown: {},
    ...(organization ? { organization } : {}),
  };
  const notification: ContentContext = { t: englishWords.t, policy: defaultPolicy, directory, now: NOW, formatTime: (at) => at.toISOString().slice(11, 16) };
  const lines = peopleLines(alarmTicket, level4Evaluation.pending, notification);
  const popup = popupRow({ key: 'zendesk:35436', ticket: level4, evaluation: level4Evaluation, mine: false, acknowledged: {}, refreshError: null }, ctx);
  const popupMessage = escalationMessage({
    ticket: level4,
    evaluation: level4Evaluation,
    policy: defaultPolicy,
    now: NOW,
    roles: rolesToTell(ctx, level4Evaluation, level4Evaluation.pending),
    words: englishWords,
  });
  // The popup composes its row's message when the engineer uses it, from the row the background sent.
  const onDemand = popupRowMessage({ ticket: level4, evaluation: level4Evaluation, toTell: popup.toTell }, { policy: defaultPolicy, now: NOW, words: englishWords });
  return { view, lines, popupMessage, popup, onDemand };
}

describe('people, not only roles', () => {
  test('the roles due at level 4 are the Sales Rep, the District Sales Manager and the Escalation Director', () => {
    expect(level4Evaluation.level).toBe(4);
    expect(level4Evaluation.pending).toEqual(['sales-rep', 'district-sales-manager', 'escalation-director']);
  });

  test.each([
    ['sales-rep', 'Jane Doe', 'jane.doe@example.com', "the customer's own Sales Rep, found by the ticket's organisation"],
    ['district-sales-manager', 'Dana Wu', 'dana.wu@example.com', "the office's holder of the role"],
    ['escalation-director', 'Lee Chen', 'lee.chen@example.com', 'the Escalation Director on duty, before the office holder'],
  ])('%s: %s (%s) — %s', (role, name, email) => {
    const { view, lines, popupMessage, popup, onDemand } = surfaces(seededDirectory(), 'Acme Corp');
    const person = view.people.find((p) => p.roleId === role);
    // The popup row names the same holder.
    expect(popup.toTell.find((r) => r.roleId === role)?.holders).toEqual([{ name, email }]);
    expect(onDemand?.mailto).toBe(popupMessage.mailto);
    // The list the background sends carries no message: it is composed for one row when used.
    expect(Object.keys(popup)).not.toContain('message');
    expect(person?.holders).toEqual([{ name, email }]);
    // The panel's email to this role goes to this person.
    expect(person?.message.mailto.startsWith(`mailto:${email}?`)).toBe(true);
    expect(person?.message.body).toContain(`Hello ${name},`);
    // The notification names them with their address.
    expect(lines.some((line) => line.includes(name) && line.includes(email))).toBe(true);
    // The popup's message for every pending role carries every address.
    expect(decodeURIComponent(popupMessage.mailto.slice('mailto:'.length).split('?')[0] ?? '').split(',')).toContain(email);
  });

  test('the organisation is matched ignoring case and spaces; another customer has no Sales Rep of Acme', () => {
    expect(surfaces(seededDirectory(), '  acme corp ').view.people.find((p) => p.roleId === 'sales-rep')?.holders).toEqual([
      { name: 'Jane Doe', email: 'jane.doe@example.com' },
    ]);
    expect(surfaces(seededDirectory(), 'Globex').view.people.find((p) => p.roleId === 'sales-rep')?.holders).toEqual([]);
  });

  test('nobody in the directory: every surface says so, and the email has nobody in "To:"', () => {
    const { view, lines, popupMessage } = surfaces(emptyDirectory(), 'Acme Corp');
    for (const person of view.people) {
      expect(person.holders).toEqual([]);
      expect(person.message.mailto.startsWith('mailto:?subject=')).toBe(true);
    }
    expect(lines).toEqual([
      'Sales Rep: nobody in the directory',
      'District Sales Manager: nobody in the directory',
      'On-duty Escalation Director: nobody in the directory',
    ]);
    expect(popupMessage.mailto.startsWith('mailto:?subject=')).toBe(true);
  });
});

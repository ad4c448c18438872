import { describe, expect, test } from 'vitest';
import { pageTicketView } from '../../lib/view-model';
import { viewContext } from '../view-model/view-fixtures';
import { parseContentMessage } from '../../lib/content/content-messages';
import { askBackground, BackgroundError } from '../../lib/content/page-background';
import { readRow, readTicketView, ReplyShapeError } from '../../lib/content/reply-shapes';
import { evaluate } from '../../lib/engine/evaluate';
import { defaultPolicy } from '../../lib/policy';
import { makeTicket, NOW } from './harness';

/** What the background answers for a Sev 1 ticket open 2 h 10 min, as JSON on the wire. */
function viewJson(): Record<string, unknown> {
  const ticket = makeTicket('1', 1, 130);
  const view = pageTicketView(ticket, evaluate(ticket, defaultPolicy, NOW, []), viewContext(NOW), {
    source: 'api',
    nativeSla: [{ name: 'first_reply_time', breachAt: NOW, paused: false, breached: true }],
    ackNoteMode: 'ask',
  });
  return JSON.parse(JSON.stringify(view)) as Record<string, unknown>;
}

describe("the page's checks of the background's answers (no zod in pages)", () => {
  test('a view comes in as JSON and leaves with Dates, its messages by role and its native targets', () => {
    const received = readTicketView(viewJson());
    expect(received.view.openedAt).toEqual(new Date(NOW.getTime() - 130 * 60_000));
    expect(received.view.people).toEqual([{ roleId: 'sales-rep', name: 'Sales Rep', holders: [], level: 2, pending: true, onRequest: false, addedByTimeout: null }]);
    expect(received.messages.get('sales-rep')?.subject).toContain('Level 2 escalation');
    expect(received.native).toEqual([{ name: 'first_reply_time', breachAt: NOW, paused: false, breached: true }]);
    expect(received.refreshAt).toBeInstanceOf(Date);
  });

  test.each<[string, (json: Record<string, unknown>) => void, string]>([
    ['a missing field is named with its path', (json) => delete json.title, 'view.title: expected a string'],
    ['a state the page does not know', (json) => (json.state = 'late'), 'view.state: expected one of unknown, stopped, paused, overdue, notify, warning, ok'],
    [
      'a nested field deep in a list',
      (json) => ((json.people as Array<{ message: { subject: unknown } }>)[0]!.message.subject = 7),
      'view.people[0].message.subject: expected a string',
    ],
    ['an instant that is not a number', (json) => (json.openedAt = '2026-07-14T17:00:00Z'), 'view.openedAt: expected a number'],
  ])('%s', (_rule, change, message) => {
    const json = viewJson();
    change(json);
    expect(() => readTicketView(json)).toThrow(new ReplyShapeError(message));
  });

  test('a row view', () => {
    expect(readRow({ id: '7', state: 'ok', deadlineAt: 1000, refreshAt: null, unavailable: null }, 'row')).toEqual({
      id: '7',
      state: 'ok',
      nextDeadlineAt: new Date(1000),
      refreshAt: null,
      unavailable: null,
    });
    expect(readRow({ id: '8', state: 'unavailable', deadlineAt: null, refreshAt: null, unavailable: 'notFound' }, 'row')).toMatchObject({
      state: 'unavailable',
      unavailable: 'notFound',
    });
    expect(() => readRow({ id: '8', state: 'unavailable', deadlineAt: null, refreshAt: null, unavailable: 'gone' }, 'rows[1]')).toThrow(
      'rows[1].unavailable: expected one of notFound, forbidden, notReturned, unreadable',
    );
    expect(() => readRow({ id: '7', state: 'ok' }, 'rows[3]')).toThrow('rows[3].deadlineAt: expected a number');
  });

  test.each<[string, unknown, string]>([
    ['a refusal carries the background’s reason', { ok: false, error: 'Rejected ticket:view: not accepted' }, 'Rejected ticket:view: not accepted'],
    ['no envelope at all', undefined, 'ticket:view reply: expected an object'],
    ['an envelope without ok', { data: {} }, 'ticket:view: the background gave no usable answer'],
  ])('messaging: %s', async (_rule, reply, message) => {
    await expect(askBackground(async () => reply, { type: 'ticket:view', ticket: { system: 'zendesk', id: '1' } }, (data) => data)).rejects.toThrow(message);
    await expect(askBackground(async () => reply, { type: 'ticket:view', ticket: { system: 'zendesk', id: '1' } }, (data) => data)).rejects.toBeInstanceOf(
      reply === undefined ? ReplyShapeError : BackgroundError,
    );
  });

  test('messages from the background to the page are checked by hand too', () => {
    expect(parseContentMessage({ type: 'content:ticket-changed', ticket: { system: 'jira', id: 'OPS-1' } })).toEqual({
      type: 'content:ticket-changed',
      ticket: { system: 'jira', id: 'OPS-1' },
    });
    expect(() => parseContentMessage({ type: 'content:ticket-changed', ticket: { system: 'freshdesk', id: '1' } })).toThrow('ticket.system');
  });
});

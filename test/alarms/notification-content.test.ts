import { describe, expect, it } from 'vitest';
import { dueNotifications, toolbarBadge, BADGE_COLORS } from '../../lib/alarms';
import { renderNotification, type ContentContext } from '../../lib/view-model';
import { defaultPolicy } from '../../lib/policy';
import { sampleDirectory } from '../people/directory-fixture';
import { alarmTicket, at, dueOptions, RESPONSE_SHOWN, sev1, tCatalog } from './alarm-fixtures';

const context = (now: Date): ContentContext => ({
  t: tCatalog,
  policy: defaultPolicy,
  directory: sampleDirectory(),
  now,
  formatTime: (d) => d.toISOString().slice(11, 16),
});

function firstContent(now: Date, lastCheckedAt: Date, state: Parameters<typeof alarmTicket>[2] = {}) {
  const plan = dueNotifications([alarmTicket(sev1(), now, { shown: RESPONSE_SHOWN, ...state })], lastCheckedAt, now, dueOptions());
  const [first] = plan.notifications;
  if (!first) throw new Error('expected a notification');
  return renderNotification(first, context(now));
}

describe('notification content', () => {
  it('titles a level start with the ticket, the level and whom it concerns', () => {
    const content = firstContent(at('2026-07-14T10:00:00Z'), at('2026-07-14T09:59:00Z'));
    expect(content.title).toBe('#35436 reached level 2 (Sales Rep)');
  });

  it("names the organisation's Sales Rep from the directory", () => {
    const content = firstContent(at('2026-07-14T10:00:00Z'), at('2026-07-14T09:59:00Z'), { organization: 'Acme Corp' });
    expect(content.message).toContain('Sales Rep: Jane Doe (jane@example.com)');
  });

  it("names today's on-duty Escalation Director at level 4, with the roles still pending", () => {
    const shown = { ...RESPONSE_SHOWN };
    const content = firstContent(at('2026-07-14T14:00:00Z'), at('2026-07-14T13:59:00Z'), { shown, acknowledged: ['sales-rep'] });
    expect(content.title).toBe('#35436 reached level 4 (On-duty Escalation Director)');
    // Rotation anchored 2026-03-02 in Los Angeles, three people: week of 2026-07-13 is Blair's.
    expect(content.message.split('\n')).toEqual([
      'Notify now:',
      'District Sales Manager: Dana Manager (dana@example.com)',
      'On-duty Escalation Director: Blair Week-Two',
      'Next customer update due 08:30',
    ]);
  });

  it('says so when the directory has nobody for a role', () => {
    const directory = { ...sampleDirectory(), roles: {}, salesReps: [] };
    const plan = dueNotifications([alarmTicket(sev1(), at('2026-07-14T10:00:00Z'), { shown: RESPONSE_SHOWN })], at('2026-07-14T09:59:00Z'), at('2026-07-14T10:00:00Z'), dueOptions());
    const [first] = plan.notifications;
    expect(first && renderNotification(first, { ...context(at('2026-07-14T10:00:00Z')), directory }).message).toContain('Sales Rep: nobody in the directory');
  });

  it('keeps Sev 1 notifications on screen and offers "Mark notified" while roles are pending', () => {
    const content = firstContent(at('2026-07-14T10:00:00Z'), at('2026-07-14T09:59:00Z'));
    expect(content).toMatchObject({ requireInteraction: true, canMarkNotified: true, url: 'https://acme.zendesk.com/agent/tickets/35436' });
  });

  it('counts the deadlines in the sleep summary title', () => {
    const now = at('2026-07-14T15:00:00Z');
    const plan = dueNotifications([alarmTicket(sev1(), now, { shown: RESPONSE_SHOWN })], at('2026-07-14T09:00:00Z'), now, dueOptions());
    const [summary] = plan.notifications;
    const content = summary && renderNotification(summary, context(now));
    expect(content?.title).toBe('3 deadlines passed while this computer was asleep');
    expect(content?.message.split('\n')).toEqual(['#35436 reached level 2 at 10:00', '#35436 reached level 3 at 12:00', '#35436 reached level 4 at 14:00']);
  });
});

describe('toolbar badge', () => {
  const cases: Array<[string, string[], { text: string; color: string | null }]> = [
    ['is cleared when nothing needs attention', ['ok', 'warning', 'paused'], { text: '', color: null }],
    ['counts tickets to notify, in orange', ['notify', 'ok', 'notify'], { text: '2', color: BADGE_COLORS.notify }],
    ['counts overdue and notify together, red when any is overdue', ['notify', 'overdue', 'stopped'], { text: '2', color: BADGE_COLORS.overdue }],
  ];
  it.each(cases)('%s', (_rule, states, expected) => {
    expect(toolbarBadge(states.map((state) => ({ state: state as 'ok' })))).toEqual(expected);
  });

  it('caps the text at 99+', () => {
    expect(toolbarBadge(Array.from({ length: 120 }, () => ({ state: 'overdue' as const }))).text).toBe('99+');
  });
});

import { describe, expect, it } from 'vitest';
import { answeredNotifications } from '../../lib/alarms';
import { alarmTicket, at, sev1 } from './alarm-fixtures';

/** At 10:30 the Sev 1 ticket (opened 08:00) is at level 2: the Sales Rep is due. */
const now = at('2026-07-14T10:30:00.000Z');
const told = alarmTicket(sev1(), now, { acknowledged: ['sales-rep'] });
const untold = alarmTicket(sev1({ id: '35437' }), now);

const LEVEL_2 = 'zendesk:35436|level|l2|2026-07-14T08:00:00.000Z';
const REMINDER = 'zendesk:35436|reminder|l2|2026-07-14T10:30:00.000Z';

describe('answeredNotifications', () => {
  it.each([
    ['a level start whose roles are all acknowledged is taken down', LEVEL_2, true],
    ['a reminder whose roles are all acknowledged is taken down', REMINDER, true],
    ['a level start with a role still pending stays', 'zendesk:35437|level|l2|2026-07-14T08:00:00.000Z', false],
    ['a warning before the next level stays (it is about people not yet due)', 'zendesk:35436|warn-level|l3|2026-07-14T12:00:00.000Z', false],
    ['an update falling due stays (acknowledging people does not answer the customer)', 'zendesk:35436|update|due|2026-07-14T11:00:00.000Z', false],
    ['a sleep summary stays', 'summary|2026-07-14T10:30:00.000Z', false],
    ['a notification of a ticket no longer watched stays', 'jira:SUP-1|level|l2|2026-07-14T08:00:00.000Z', false],
  ])('%s', (_rule, id, takenDown) => {
    expect(told.evaluation.pending).toEqual([]);
    expect(untold.evaluation.pending).toEqual(['sales-rep']);
    expect(answeredNotifications([told, untold], [id])).toEqual(takenDown ? [id] : []);
  });

  it('judges every id on screen at once and keeps their order', () => {
    expect(answeredNotifications([told, untold], [REMINDER, 'zendesk:35437|level|l2|2026-07-14T08:00:00.000Z', LEVEL_2])).toEqual([REMINDER, LEVEL_2]);
  });
});

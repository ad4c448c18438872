import { describe, expect, it } from 'vitest';
import { timelineEntries } from '../../components/timeline';
import { evaluationFixture, minutesAfter, sev1Levels, T0, ticketFixture } from '../queue/queue-fixtures';

const now = minutesAfter(150);

describe('timeline entries', () => {
  it('lists what happened and what is to come in time order, with the ticket opening first', () => {
    const ticket = ticketFixture({
      history: [
        { at: T0, kind: 'severity', to: 1 },
        { at: T0, kind: 'status', to: 'active' },
        { at: minutesAfter(10), kind: 'publicReply' },
        { at: minutesAfter(60), kind: 'status', to: 'waiting' },
        { at: minutesAfter(70), kind: 'status', to: 'active' },
        { at: minutesAfter(130), kind: 'publicReply' },
      ],
    });
    const entries = timelineEntries(ticket, evaluationFixture(), now);
    expect(entries.map((e) => [e.message, e.phase])).toEqual([
      ['timelineCreated', 'past'],
      ['timelineSeveritySet', 'past'],
      ['timelineLevelReached', 'past'],
      ['timelineFirstResponse', 'past'],
      ['timelinePaused', 'past'],
      ['timelineResumed', 'past'],
      ['timelineLevelReached', 'past'],
      ['timelineReply', 'past'],
      ['timelineUpdateDue', 'future'],
      ['timelineLevelStarts', 'future'],
      ['timelineLevelStarts', 'future'],
      ['timelineLevelStarts', 'future'],
    ]);
  });

  it.each([
    { rule: 'a raise restarts the clock', from: 3 as const, to: 1 as const, message: 'timelineSeverityRaised' },
    { rule: 'a lowering keeps the clock', from: 1 as const, to: 3 as const, message: 'timelineSeverityLowered' },
  ])('$rule', ({ from, to, message }) => {
    const ticket = ticketFixture({
      history: [
        { at: T0, kind: 'severity', to: from },
        { at: minutesAfter(30), kind: 'severity', to },
      ],
    });
    const severity = timelineEntries(ticket, evaluationFixture(), now).filter((e) => e.kind === 'severity');
    expect(severity.map((e) => [e.message, e.substitutions])).toEqual([
      ['timelineSeveritySet', [from]],
      [message, [from, to]],
    ]);
  });

  it('a status that is not a pause in this policy is not shown as one', () => {
    const ticket = ticketFixture({ history: [{ at: minutesAfter(5), kind: 'status', to: 'waiting' }] });
    expect(timelineEntries(ticket, evaluationFixture(), now, []).some((e) => e.kind === 'pause')).toBe(false);
    expect(timelineEntries(ticket, evaluationFixture(), now, ['waiting']).some((e) => e.kind === 'pause')).toBe(true);
  });

  it('levels the severity does not use, and levels waiting for a paused clock, come last without a time', () => {
    const levels = sev1Levels(T0, now).map((level) =>
      level.level === 5 ? { ...level, scheduled: false, at: null } : level.level === 4 ? { ...level, at: null } : level,
    );
    const entries = timelineEntries(ticketFixture(), evaluationFixture({ levels }), now);
    expect(entries.slice(-2).map((e) => [e.message, e.at])).toEqual([
      ['timelineLevelWhenClockRuns', null],
      ['timelineLevelUnscheduled', null],
    ]);
  });

  it('an unanswered response deadline that passed is shown as missed', () => {
    const evaluation = evaluationFixture({ respondedAt: null, responseDueAt: minutesAfter(30), state: 'overdue' });
    const response = timelineEntries(ticketFixture(), evaluation, now).find((e) => e.kind === 'response');
    expect(response).toMatchObject({ message: 'timelineResponseMissed', phase: 'past', at: minutesAfter(30) });
  });

  it('a level carries its notify and on-request roles', () => {
    const director = timelineEntries(ticketFixture(), evaluationFixture(), now).find((e) => e.key === 'level-4');
    expect(director?.roles).toEqual(['escalation-director']);
    expect(director?.onRequest).toEqual(['regional-head-technical-support', 'regional-head-professional-services']);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { referenceEvaluate } from '../../bench/minute-reference';
import { evaluate } from '../../lib/engine/evaluate';
import type { Evaluation, Status, Ticket, TicketEvent } from '../../lib/engine/types';
import { MINUTE, samplePolicy } from './engine-fixtures';
import { DAY_MINUTES, ticketArbitrary } from './ticket-arbitrary';

/** Invariants of evaluate over random valid tickets (whole minutes, all offices, 2026–2027). */

const statusEvent = (at: Date, to: Status): TicketEvent => ({ at, kind: 'status', to });
const nowAfter = (t: Ticket, minutes: number): Date => new Date(t.createdAt.getTime() + minutes * MINUTE);
const lastEventAt = (t: Ticket): number => Math.max(t.createdAt.getTime(), ...t.history.map((event) => event.at.getTime()));

/** Every deadline of an evaluation, null (unknown) read as "never". */
function deadlines(evaluation: Evaluation): number[] {
  const never = Number.POSITIVE_INFINITY;
  return [
    evaluation.responseDueAt?.getTime() ?? never,
    evaluation.nextUpdateDueAt?.getTime() ?? never,
    ...evaluation.levels.slice(1).map((level) => level.at?.getTime() ?? never),
  ];
}

describe('evaluate properties', () => {
  it('is deterministic and never throws on valid tickets', () => {
    fc.assert(
      fc.property(ticketArbitrary, fc.integer({ min: -DAY_MINUTES, max: 30 * DAY_MINUTES }), fc.array(fc.constantFrom('sales-rep', 'cto')), (t, minutes, acknowledged) => {
        const now = nowAfter(t, minutes);
        expect(evaluate(t, samplePolicy, now, acknowledged)).toEqual(evaluate(t, samplePolicy, now, acknowledged));
      }),
      { numRuns: 300 },
    );
  });

  it('the level never goes down as now moves forward with no new events', () => {
    fc.assert(
      fc.property(ticketArbitrary, fc.integer({ min: 0, max: 20 * DAY_MINUTES }), fc.integer({ min: 1, max: 20 * DAY_MINUTES }), (t, after, step) => {
        const earlier = new Date(lastEventAt(t) + after * MINUTE);
        const later = new Date(earlier.getTime() + step * MINUTE);
        expect(evaluate(t, samplePolicy, later).level).toBeGreaterThanOrEqual(evaluate(t, samplePolicy, earlier).level);
      }),
      { numRuns: 300 },
    );
  });

  it('every deadline is at or after its start', () => {
    fc.assert(
      fc.property(ticketArbitrary, fc.integer({ min: 0, max: 30 * DAY_MINUTES }), (t, minutes) => {
        const evaluation = evaluate(t, samplePolicy, nowAfter(t, minutes));
        if (evaluation.clockStart === null) return;
        const start = evaluation.clockStart.getTime();
        for (const level of evaluation.levels) if (level.at) expect(level.at.getTime()).toBeGreaterThanOrEqual(start);
        if (evaluation.responseDueAt) expect(evaluation.responseDueAt.getTime()).toBeGreaterThanOrEqual(start);
        if (evaluation.nextUpdateDueAt) {
          const cadenceStart = evaluation.updateRule === 'response' ? start : evaluation.lastReplyAt!.getTime();
          expect(evaluation.nextUpdateDueAt.getTime()).toBeGreaterThanOrEqual(cadenceStart);
        }
        if (evaluation.nextDeadline?.warnAt) {
          expect(evaluation.nextDeadline.warnAt.getTime()).toBeLessThanOrEqual(evaluation.nextDeadline.at.getTime());
        }
      }),
      { numRuns: 300 },
    );
  });

  it('adding a pause never makes a deadline earlier', () => {
    fc.assert(
      fc.property(
        ticketArbitrary,
        fc.integer({ min: 0, max: 10 * DAY_MINUTES }),
        fc.integer({ min: 1, max: 3 * DAY_MINUTES }),
        fc.integer({ min: 0, max: 20 * DAY_MINUTES }),
        fc.constantFrom<Status>('waiting', 'solved'),
        (sketch, pauseAfter, pauseLength, nowAfterMinutes, pausing) => {
          const unpaused: Ticket = { ...sketch, status: 'active', history: sketch.history.filter((event) => event.kind !== 'status') };
          const from = nowAfter(sketch, pauseAfter);
          const to = nowAfter(sketch, pauseAfter + pauseLength);
          const paused: Ticket = {
            ...unpaused,
            history: [...unpaused.history, statusEvent(from, pausing), statusEvent(to, 'active')].sort(
              (a, b) => a.at.getTime() - b.at.getTime(),
            ),
          };
          const now = nowAfter(sketch, nowAfterMinutes);
          const before = deadlines(evaluate(unpaused, samplePolicy, now));
          const after = deadlines(evaluate(paused, samplePolicy, now));
          after.forEach((deadline, index) => expect(deadline).toBeGreaterThanOrEqual(before[index]!));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('agrees with the naive minute-by-minute reference on every deadline', { timeout: 120_000 }, () => {
    fc.assert(
      fc.property(ticketArbitrary, fc.integer({ min: 0, max: 14 * DAY_MINUTES }), (t, minutes) => {
        const now = nowAfter(t, minutes);
        const actual = evaluate(t, samplePolicy, now);
        const expected = referenceEvaluate(t, samplePolicy, now);
        if (expected === null) {
          expect(actual.severity).toBeNull();
          return;
        }
        const ms = (date: Date | null): number | null => date?.getTime() ?? null;
        expect({
          level: actual.level,
          levelAt: actual.levels.map((level) => ms(level.at)),
          responseDueAt: ms(actual.responseDueAt),
          nextUpdateDueAt: ms(actual.nextUpdateDueAt),
        }).toEqual(expected);
      }),
      { numRuns: 150 },
    );
  });
});

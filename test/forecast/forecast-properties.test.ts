import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../lib/engine/evaluate';
import type { Ticket } from '../../lib/engine/types';
import { forecast, type ForecastEvent } from '../../lib/forecast';
import { MINUTE, samplePolicy } from '../engine/engine-fixtures';
import { DAY_MINUTES, ticketArbitrary } from '../engine/ticket-arbitrary';

/**
 * forecast() against evaluate() itself: for random tickets and a `now` after their last event,
 * each level event is where evaluate's level steps up, response and update events are evaluate's
 * own deadlines at now, and nothing evaluate would report in the window is missing.
 */

const lastEventAt = (t: Ticket): number => Math.max(t.createdAt.getTime(), ...t.history.map((event) => event.at.getTime()));
const roleSubset = fc.subarray(['sales-rep', 'district-sales-manager', 'escalation-director', 'cto', 'ceo']);

/** Half the tickets run (no status events, active now), so most runs forecast something. */
const forecastTicket = fc.tuple(ticketArbitrary, fc.boolean()).map(([t, running]): Ticket =>
  running ? { ...t, status: 'active', history: t.history.filter((event) => event.kind !== 'status') } : t,
);

const scenario = fc.record({
  ticket: forecastTicket,
  afterLastEvent: fc.integer({ min: 0, max: 3 * DAY_MINUTES }),
  windowMinutes: fc.integer({ min: 1, max: 10 * DAY_MINUTES }),
  acknowledged: roleSubset,
});

describe('forecast agrees with evaluate', () => {
  it('each level event is the level evaluate first reports at `at`, one minute before it shows the previous level, and notify is what joins pending then', () => {
    fc.assert(
      fc.property(scenario, ({ ticket, afterLastEvent, windowMinutes, acknowledged }) => {
        const now = new Date(lastEventAt(ticket) + afterLastEvent * MINUTE);
        const until = new Date(now.getTime() + windowMinutes * MINUTE);
        const events = forecast([ticket], samplePolicy, now, until, { [ticket.id]: acknowledged });
        let previousLevel = evaluate(ticket, samplePolicy, now, acknowledged).level;
        for (const event of events.filter((e) => e.kind === 'level')) {
          const at = evaluate(ticket, samplePolicy, event.at, acknowledged);
          const before = evaluate(ticket, samplePolicy, new Date(event.at.getTime() - MINUTE), acknowledged);
          expect(event.at.getTime()).toBeGreaterThan(now.getTime());
          expect(event.at.getTime()).toBeLessThanOrEqual(until.getTime());
          expect(at.level).toBe(event.level);
          expect(at.levelId).toBe(event.levelId);
          expect(before.level).toBe(previousLevel);
          expect(event.notify).toEqual(at.pending.filter((role) => !before.notify.includes(role)));
          previousLevel = event.level!;
        }
        // Nothing missed: at `until` evaluate reports the last forecast level.
        expect(evaluate(ticket, samplePolicy, until).level).toBe(previousLevel);
      }),
      { numRuns: 400 },
    );
  });

  it('response and update events are evaluate(now)\'s unmet response deadline and next update deadline, when in the window', () => {
    fc.assert(
      fc.property(scenario, ({ ticket, afterLastEvent, windowMinutes }) => {
        const now = new Date(lastEventAt(ticket) + afterLastEvent * MINUTE);
        const until = new Date(now.getTime() + windowMinutes * MINUTE);
        const events = forecast([ticket], samplePolicy, now, until);
        const evaluation = evaluate(ticket, samplePolicy, now);
        const inWindow = (at: Date | null): at is Date => at !== null && at > now && at <= until;
        const running = evaluation.state !== 'paused' && evaluation.state !== 'stopped';
        const instants = (kind: ForecastEvent['kind']): number[] => events.filter((e) => e.kind === kind).map((e) => e.at.getTime());

        const response = running && evaluation.respondedAt === null && inWindow(evaluation.responseDueAt) ? [evaluation.responseDueAt.getTime()] : [];
        expect(instants('response')).toEqual(response);
        const update = running && evaluation.updateRule !== 'response' && inWindow(evaluation.nextUpdateDueAt) ? [evaluation.nextUpdateDueAt.getTime()] : [];
        expect(instants('update')).toEqual(update);
        if (!running) expect(events).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  it('is sorted by `at`, and a longer window only adds events after the shorter one\'s end', () => {
    fc.assert(
      fc.property(fc.array(forecastTicket, { minLength: 1, maxLength: 6 }), fc.integer({ min: 0, max: 40 * DAY_MINUTES }), fc.integer({ min: 1, max: 5 * DAY_MINUTES }), (tickets, nowMinutes, windowMinutes) => {
        const distinct = tickets.map((t, i) => ({ ...t, id: `${i}` }));
        const now = new Date(Math.max(...distinct.map(lastEventAt)) + nowMinutes * MINUTE);
        const until = new Date(now.getTime() + windowMinutes * MINUTE);
        const later = new Date(until.getTime() + windowMinutes * MINUTE);
        const events = forecast(distinct, samplePolicy, now, until);
        for (let i = 1; i < events.length; i++) expect(events[i]!.at.getTime()).toBeGreaterThanOrEqual(events[i - 1]!.at.getTime());
        const longer = forecast(distinct, samplePolicy, now, later);
        expect(longer.slice(0, events.length)).toEqual(events);
        for (const event of longer.slice(events.length)) expect(event.at.getTime()).toBeGreaterThan(until.getTime());
      }),
      { numRuns: 200 },
    );
  });
});

import { describe, expect, it } from 'vitest';
import { evaluate } from '../../lib/engine/evaluate';
import { forecast } from '../../lib/forecast/forecast';
import { ticketFromJson, ticketToJson } from '../../lib/engine/ticket-schema';
import { local, samplePolicy, ticket } from './engine-fixtures';

/**
 * Issue 13: what a page read could not read is unknown, not absent. An unknown creation time runs
 * no clock (no level, no deadline, nobody to tell) and says why; an unreadable severity says so
 * instead of "no severity set".
 */
const hq = (wall: string): Date => local('hq', wall);
const now = hq('2026-03-17 15:00');

describe('a page read that could not read everything', () => {
  it('creation unknown: state unknown, no level, no deadline, nobody to tell; the severity read is kept and the reason said', () => {
    const partial = {
      ...ticket({ createdAt: hq('2026-03-17 14:00'), severity: 1 }),
      unread: ['createdAt' as const],
      gaps: ['only the newest messages of the conversation are loaded on the page'],
    };
    const evaluation = evaluate(partial, samplePolicy, now);
    expect(evaluation).toMatchObject({ state: 'unknown', severity: 1, level: 0, nextLevel: null, responseDueAt: null, nextUpdateDueAt: null, notify: [], pending: [] });
    expect(evaluation.explanation).toEqual([
      'opened at an unknown time (the helpdesk API could not be read): no clock runs until it is known',
      'only the newest messages of the conversation are loaded on the page',
    ]);
    expect(forecast([partial], samplePolicy, now, hq('2026-03-20 15:00'))).toEqual([]);
    // The levels Sev 1 has, none with a time, none reached.
    expect(evaluation.levels.filter((level) => level.scheduled).length).toBeGreaterThan(1);
    expect(evaluation.levels.every((level) => level.at === null && !level.reached)).toBe(true);
  });

  it('the same ticket with its creation known is evaluated (the flag, not the date, makes the difference)', () => {
    const known = ticket({ createdAt: hq('2026-03-17 14:00'), severity: 1 });
    expect(evaluate(known, samplePolicy, now).state).not.toBe('unknown');
  });

  it('severity unreadable: says it is not readable, not that none is set', () => {
    const unread = { ...ticket({ createdAt: hq('2026-03-17 14:00'), severity: null }), unread: ['severity' as const] };
    expect(evaluate(unread, samplePolicy, now).explanation[0]).toBe('severity not readable from the page (the helpdesk API could not be read): no clock runs until it is');
    expect(evaluate({ ...unread, unread: [] }, samplePolicy, now).explanation[0]).toBe('no severity set: no clock runs until one is');
  });

  it('crosses messages and storage as JSON and back; anything but the two fields is refused', () => {
    const partial = { ...ticket({ createdAt: hq('2026-03-17 14:00'), severity: 1 }), unread: ['createdAt' as const, 'severity' as const] };
    expect(ticketFromJson(ticketToJson(partial)).unread).toEqual(['createdAt', 'severity']);
    expect(() => ticketFromJson({ ...ticketToJson(partial), unread: ['status'] })).toThrow(/unread/);
  });
});

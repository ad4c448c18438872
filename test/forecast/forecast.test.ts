import { describe, expect, it } from 'vitest';
import { forecast, type ForecastEvent } from '../../lib/forecast';
import type { Policy } from '../../lib/policy/schema';
import type { Ticket, TicketEvent } from '../../lib/engine/types';
import { HOUR, MINUTE, local, plus, samplePolicy, ticket } from '../engine/engine-fixtures';

/** SPEC §3 "The forecast and its calendar export": what happens in (now, until] if nothing changes. */

const opened = new Date('2026-03-04T14:00:00Z'); // a Wednesday, no holiday
const DAY = 24 * HOUR;

const sev1 = (extra: Partial<Ticket> = {}): Ticket => ({ ...ticket({ createdAt: opened, severity: 1 }), ...extra });
const reply = (at: Date): TicketEvent => ({ at, kind: 'publicReply' });
const status = (at: Date, to: Ticket['status']): TicketEvent => ({ at, kind: 'status', to });

/** "kind level@ISO" lines: easy to read in a failing table. */
const brief = (events: readonly ForecastEvent[]): string[] =>
  events.map((e) => `${e.ticketId} ${e.kind}${e.level ? ` ${e.level}` : ''} ${e.at.toISOString()}${e.notify.length ? ` ${e.notify.join('+')}` : ''}`);

/** A copy of the sample policy with Sev 1's targets replaced. */
function withSev1(changes: Partial<Policy['severities']['1']>): Policy {
  return { ...samplePolicy, severities: { ...samplePolicy.severities, 1: { ...samplePolicy.severities[1]!, ...changes } } };
}

describe('forecast: what each ticket reaches in (now, until]', () => {
  const cases: { rule: string; tickets: Ticket[]; now: Date; until: Date; policy?: Policy; acknowledged?: Record<string, string[]>; expected: string[] }[] = [
    {
      rule: 'an unanswered Sev 1 forecasts its response and every level it reaches, each with the roles it brings in',
      tickets: [sev1()],
      now: opened,
      until: plus(opened, DAY),
      expected: [
        '4242 response 2026-03-04T14:30:00.000Z',
        '4242 level 2 2026-03-04T16:00:00.000Z sales-rep',
        '4242 level 3 2026-03-04T18:00:00.000Z district-sales-manager',
        '4242 level 4 2026-03-04T20:00:00.000Z escalation-director',
        '4242 level 5 2026-03-05T02:00:00.000Z regional-sales-vp+vp-engineering+cto+ceo',
      ],
    },
    {
      rule: 'the window is (now, until]: an event at now is left out, one at until is in',
      tickets: [sev1()],
      now: plus(opened, 2 * HOUR),
      until: plus(opened, 4 * HOUR),
      expected: ['4242 level 3 2026-03-04T18:00:00.000Z district-sales-manager'],
    },
    {
      rule: 'levels already reached and deadlines already passed are not forecast',
      tickets: [sev1()],
      now: plus(opened, 7 * HOUR),
      until: plus(opened, 9 * HOUR),
      expected: [],
    },
    {
      rule: 'after the response, the next update as it stands now is forecast once (Sev 1: every hour from the latest reply)',
      tickets: [sev1({ history: [{ at: opened, kind: 'severity', to: 1 }, reply(plus(opened, 10 * MINUTE)), reply(plus(opened, 40 * MINUTE))] })],
      now: plus(opened, 50 * MINUTE),
      until: plus(opened, 3 * HOUR),
      expected: ['4242 level 2 2026-03-04T16:00:00.000Z sales-rep', '4242 update 2026-03-04T15:40:00.000Z'].sort(byInstant),
    },
    {
      rule: 'a pause before now pushes every forecast deadline later by its length',
      tickets: [sev1({ history: [{ at: opened, kind: 'severity', to: 1 }, status(plus(opened, 10 * MINUTE), 'waiting'), status(plus(opened, 70 * MINUTE), 'active')] })],
      now: plus(opened, 80 * MINUTE),
      until: plus(opened, 4 * HOUR),
      expected: ['4242 response 2026-03-04T15:30:00.000Z', '4242 level 2 2026-03-04T17:00:00.000Z sales-rep'],
    },
    {
      rule: 'a paused ticket forecasts nothing: its clocks stand still',
      tickets: [sev1({ status: 'waiting', history: [{ at: opened, kind: 'severity', to: 1 }, status(plus(opened, 5 * MINUTE), 'waiting')] })],
      now: plus(opened, 10 * MINUTE),
      until: plus(opened, 2 * DAY),
      expected: [],
    },
    {
      rule: 'a solved ticket forecasts nothing',
      tickets: [sev1({ status: 'solved', history: [{ at: opened, kind: 'severity', to: 1 }, status(plus(opened, 5 * MINUTE), 'solved')] })],
      now: plus(opened, 10 * MINUTE),
      until: plus(opened, 2 * DAY),
      expected: [],
    },
    {
      rule: 'a ticket without severity, and a Sev 4, forecast nothing',
      tickets: [
        { ...ticket({ createdAt: opened, severity: null }), id: 'none' },
        { ...ticket({ createdAt: opened, severity: 4 }), id: 'sev4' },
      ],
      now: opened,
      until: plus(opened, 10 * DAY),
      expected: [],
    },
    {
      rule: 'history after now is ignored: the forecast assumes nothing changes after now',
      tickets: [sev1({ history: [{ at: opened, kind: 'severity', to: 1 }, reply(plus(opened, 20 * MINUTE)), status(plus(opened, HOUR), 'solved')] })],
      now: plus(opened, 5 * MINUTE),
      until: plus(opened, 2 * HOUR),
      expected: ['4242 response 2026-03-04T14:30:00.000Z', '4242 level 2 2026-03-04T16:00:00.000Z sales-rep'],
    },
    {
      rule: 'roles acknowledged for the ticket (by id, system:id or store key) or recorded as notified on it are not in notify',
      tickets: [
        sev1({ history: [{ at: opened, kind: 'severity', to: 1 }, { at: plus(opened, MINUTE), kind: 'notified', role: 'cto' }] }),
        { ...sev1(), id: '7', url: 'https://acme.zendesk.com/agent/tickets/7' },
        { ...sev1(), id: '8', url: 'https://acme.zendesk.com/agent/tickets/8' },
      ],
      acknowledged: { '4242': ['district-sales-manager'], 'zendesk:7': ['sales-rep'], 'zendesk:8@https://acme.zendesk.com': ['ceo', 'sales-rep'] },
      now: plus(opened, 3 * HOUR),
      until: plus(opened, 12 * HOUR),
      expected: [
        '4242 level 3 2026-03-04T18:00:00.000Z',
        '7 level 3 2026-03-04T18:00:00.000Z district-sales-manager',
        '8 level 3 2026-03-04T18:00:00.000Z district-sales-manager',
        '4242 level 4 2026-03-04T20:00:00.000Z escalation-director',
        '7 level 4 2026-03-04T20:00:00.000Z escalation-director',
        '8 level 4 2026-03-04T20:00:00.000Z escalation-director',
        '4242 level 5 2026-03-05T02:00:00.000Z regional-sales-vp+vp-engineering+ceo',
        '7 level 5 2026-03-05T02:00:00.000Z regional-sales-vp+vp-engineering+cto+ceo',
        '8 level 5 2026-03-05T02:00:00.000Z regional-sales-vp+vp-engineering+cto',
      ],
    },
    {
      rule: 'events at the same instant keep the order of the tickets, then level, response, update',
      policy: withSev1({ response: { hours: 2 } }),
      tickets: [{ ...sev1(), id: 'B' }, { ...sev1(), id: 'A' }],
      now: plus(opened, HOUR),
      until: plus(opened, 2 * HOUR),
      expected: ['B level 2 2026-03-04T16:00:00.000Z sales-rep', 'B response 2026-03-04T16:00:00.000Z', 'A level 2 2026-03-04T16:00:00.000Z sales-rep', 'A response 2026-03-04T16:00:00.000Z'],
    },
    {
      rule: 'levels starting at the same instant give one event for the highest, with the roles of both',
      policy: withSev1({ escalate: { l2: { hours: 2 }, l3: { hours: 4 }, director: { hours: 4 } } }),
      tickets: [sev1()],
      now: plus(opened, 3 * HOUR),
      until: plus(opened, 12 * HOUR),
      expected: ['4242 level 4 2026-03-04T18:00:00.000Z district-sales-manager+escalation-director'],
    },
    {
      rule: 'business-day targets fall at the close of the office\'s business day (Sev 3, Shanghai)',
      tickets: [ticket({ office: 'shanghai', createdAt: local('shanghai', '2026-03-02 10:00'), severity: 3 })],
      now: local('shanghai', '2026-03-02 10:00'),
      until: local('shanghai', '2026-03-06 18:00'),
      expected: [
        `4242 response ${local('shanghai', '2026-03-03 18:00').toISOString()}`,
        `4242 level 2 ${local('shanghai', '2026-03-05 18:00').toISOString()} sales-rep`,
        `4242 level 3 ${local('shanghai', '2026-03-06 18:00').toISOString()} district-sales-manager`,
      ],
    },
    {
      rule: 'until at or before now forecasts nothing',
      tickets: [sev1()],
      now: plus(opened, HOUR),
      until: plus(opened, HOUR),
      expected: [],
    },
  ];

  it.each(cases)('$rule', ({ tickets, now, until, policy, acknowledged, expected }) => {
    expect(brief(forecast(tickets, policy ?? samplePolicy, now, until, acknowledged))).toEqual(expected);
  });
});

function byInstant(a: string, b: string): number {
  return a.split(' ').at(-1)!.localeCompare(b.split(' ').at(-1)!);
}

describe('forecast: the fields of an event', () => {
  it('carries the ticket, its office (the policy default when the ticket has none), the level id and readable names', () => {
    const events = forecast([sev1({ office: null })], samplePolicy, opened, plus(opened, 4 * HOUR));
    expect(events[0]).toEqual({
      system: 'zendesk',
      ticketId: '4242',
      title: 'Reports time out',
      url: 'https://acme.zendesk.com/agent/tickets/4242',
      at: new Date('2026-03-04T14:30:00Z'),
      kind: 'response',
      notify: [],
      notifyNames: [],
      officeId: 'hq',
      severity: 1,
    });
    expect(events.find((e) => e.level === 3)).toMatchObject({
      kind: 'level',
      levelId: 'l3',
      levelName: 'Level 3 support',
      notify: ['district-sales-manager'],
      notifyNames: ['District Sales Manager'],
    });
  });

  it('an invalid now or until is refused, naming which', () => {
    expect(() => forecast([sev1()], samplePolicy, new Date(Number.NaN), opened)).toThrow('`now`');
    expect(() => forecast([sev1()], samplePolicy, opened, new Date('soon'))).toThrow('`until`');
  });

  it('a level with on-request roles brings in only the roles it notifies', () => {
    const director = forecast([sev1()], samplePolicy, opened, plus(opened, DAY)).find((e) => e.levelId === 'director');
    expect(director?.notify).toEqual(['escalation-director']);
  });

  it('a hot account forecasts as Sev 1 from creation, whatever its priority', () => {
    const policy: Policy = { ...samplePolicy, hotAccounts: ['Globex'] };
    const hot: Ticket = { ...ticket({ createdAt: opened, severity: 3 }), organization: ' globex ' };
    expect(brief(forecast([hot], policy, opened, plus(opened, 2 * HOUR)))).toEqual([
      '4242 response 2026-03-04T14:30:00.000Z',
      '4242 level 2 2026-03-04T16:00:00.000Z sales-rep',
    ]);
    expect(forecast([hot], policy, opened, plus(opened, HOUR))[0]?.severity).toBe(1);
  });
});

import { describe, expect, it } from 'vitest';
import type { Ticket } from '../../lib/engine/types';
import { forecast, handoffFor, handoffHorizon, handoffNoticeAt, coverageAt, type ForecastEvent, type Handoff } from '../../lib/forecast';
import { HOUR, local, samplePolicy, ticket } from '../engine/engine-fixtures';

/**
 * Follow-the-sun handoff (issue 15 item 3) against the sample policy's calendars: Shanghai
 * (UTC+8, National Day 1–7 October 2026 with make-up workdays on Sunday 20 September and
 * Saturday 10 October), headquarters in Los Angeles (UTC−8 in December, on the other side of
 * the date line), Taichung, Singapore and Malaysia (UTC+8).
 */

const sev = (severity: 1 | 2 | 3, office: string, createdAt: Date, id: string): Ticket => ({
  ...ticket({ createdAt, severity, office }),
  id,
  url: `https://acme.zendesk.com/agent/tickets/${id}`,
  title: `Ticket ${id}`,
});

function handoffAt(office: string, tickets: Ticket[], now: Date): Handoff {
  const until = handoffHorizon(samplePolicy, [office], now, new Date(now.getTime() + 24 * HOUR));
  const result = handoffFor(samplePolicy, office, forecast(tickets, samplePolicy, now, until), now);
  if (!result) throw new Error('no handoff');
  return result;
}

/** "id kind[ level] at → open offices | next opening" lines. */
const lines = (handoff: Handoff): string[] =>
  handoff.tickets.flatMap((t) =>
    t.due.map(({ event, coverage }) => {
      const who = coverage.openOfficeIds.length > 0 ? coverage.openOfficeIds.join('+') : `next ${coverage.nextOpening?.officeId} ${coverage.nextOpening?.at.toISOString()}`;
      return `${t.ticketId} ${event.kind}${event.level ? ` ${event.level}` : ''} ${event.at.toISOString()} → ${who}`;
    }),
  );

describe('handoffFor: what lands on others before the office opens again', () => {
  it('Shanghai closing on a Friday: its Sev 1 runs through the night, headquarters (still Friday in Los Angeles) covers part of it, nobody the weekend', () => {
    const now = local('shanghai', '2026-12-04 17:00'); // Friday, an hour before close
    const sev1 = sev(1, 'shanghai', local('shanghai', '2026-12-04 16:00'), '501');
    const hqTicket = sev(1, 'hq', local('hq', '2026-12-04 00:30'), '502');
    const handoff = handoffAt('shanghai', [sev1, hqTicket], now);
    expect(handoff.date).toBe('2026-12-04');
    expect(handoff.openNow).toBe(true);
    expect(handoff.closesAt).toEqual(local('shanghai', '2026-12-04 18:00'));
    expect(handoff.reopensAt).toEqual(local('shanghai', '2026-12-07 09:00')); // Monday
    expect(handoff.tickets.map((t) => t.ticketId)).toEqual(['501']); // headquarters' own ticket is not Shanghai's handoff
    expect(lines(handoff)).toEqual([
      // 18:00 Shanghai: Shanghai has just closed, the other Asian offices too; LA is at 02:00 Friday.
      `501 level 2 ${local('shanghai', '2026-12-04 18:00').toISOString()} → next hq ${local('hq', '2026-12-04 09:00').toISOString()}`,
      `501 level 3 ${local('shanghai', '2026-12-04 20:00').toISOString()} → next hq ${local('hq', '2026-12-04 09:00').toISOString()}`,
      `501 level 4 ${local('shanghai', '2026-12-04 22:00').toISOString()} → next hq ${local('hq', '2026-12-04 09:00').toISOString()}`,
      // Saturday 04:00 in Shanghai is Friday 12:00 in Los Angeles: headquarters is open.
      `501 level 5 ${local('shanghai', '2026-12-05 04:00').toISOString()} → hq`,
    ]);
    expect(handoff.tickets[0]?.due.at(-1)?.event.notify).toEqual(['regional-sales-vp', 'vp-engineering', 'cto', 'ceo']);
  });

  it('a ticket whose next deadline comes after the office reopens is not handed off', () => {
    const now = local('shanghai', '2026-12-04 17:00');
    const sev3 = sev(3, 'shanghai', local('shanghai', '2026-12-04 10:00'), '503'); // response: end of Monday
    expect(handoffAt('shanghai', [sev3], now).tickets).toEqual([]);
  });

  it('before National Day (a holiday week) Shanghai reopens on 8 October; Taichung, open on 1 October, covers the morning', () => {
    const now = local('shanghai', '2026-09-30 17:30'); // Wednesday
    const sev2 = sev(2, 'shanghai', local('shanghai', '2026-09-30 17:00'), '601');
    const handoff = handoffAt('shanghai', [sev2], now);
    expect(handoff.closesAt).toEqual(local('shanghai', '2026-09-30 18:00'));
    expect(handoff.reopensAt).toEqual(local('shanghai', '2026-10-08 09:00'));
    const due = handoff.tickets[0]?.due ?? [];
    // Sev 2: level 2 four hours after opening, at 21:00 Shanghai: nobody open; Wednesday 06:00 in LA.
    expect(due[0]?.event.kind).toBe('response');
    const levelAt = (level: number) => due.find((d) => d.event.level === level);
    expect(levelAt(5)?.event.at).toEqual(local('shanghai', '2026-10-01 09:00'));
    expect(levelAt(5)?.coverage.openOfficeIds).toEqual(['taichung', 'singapore', 'malaysia']);
    expect(coverageAt(samplePolicy, local('shanghai', '2026-10-01 09:00')).openOfficeIds).not.toContain('shanghai');
  });

  it('the Friday before a make-up Saturday: Shanghai reopens the next morning, not on Monday', () => {
    const now = local('shanghai', '2026-10-09 17:00'); // Friday 9 October; Taichung's holiday, Shanghai works
    const handoff = handoffAt('shanghai', [], now);
    expect(handoff.reopensAt).toEqual(local('shanghai', '2026-10-10 09:00'));
    const sunday = handoffAt('shanghai', [], local('shanghai', '2026-09-18 17:00'));
    expect(sunday.reopensAt).toEqual(local('shanghai', '2026-09-20 09:00')); // make-up Sunday
  });

  it('closed now (a holiday): the handoff is about the next business day, and its close', () => {
    const handoff = handoffAt('shanghai', [], local('shanghai', '2026-10-02 11:00'));
    expect(handoff.openNow).toBe(false);
    expect(handoff.date).toBe('2026-10-08');
    expect(handoff.closesAt).toEqual(local('shanghai', '2026-10-08 18:00'));
    expect(handoff.reopensAt).toEqual(local('shanghai', '2026-10-09 09:00'));
  });

  it('handoffHorizon reaches the reopening after a long holiday', () => {
    const now = local('shanghai', '2026-09-30 17:30');
    expect(handoffHorizon(samplePolicy, ['shanghai', 'hq'], now, new Date(now.getTime() + 24 * HOUR))).toEqual(local('shanghai', '2026-10-08 09:00'));
  });

  it('events of other offices and events after the reopening are left out', () => {
    const now = local('shanghai', '2026-12-04 17:00');
    const base: ForecastEvent = { system: 'zendesk', ticketId: '9', title: 't', url: 'https://acme.zendesk.com/agent/tickets/9', at: local('shanghai', '2026-12-07 09:00'), kind: 'update', notify: [], officeId: 'shanghai' };
    const handoff = handoffFor(samplePolicy, 'shanghai', [base, { ...base, ticketId: '10', at: local('shanghai', '2026-12-05 09:00'), officeId: 'hq' }], now);
    expect(handoff?.tickets).toEqual([]);
  });
});

describe('handoffNoticeAt: N minutes before the office closes', () => {
  it('30 minutes before Friday close; after close, before Monday close; on a holiday, before the next business day closes', () => {
    expect(handoffNoticeAt(samplePolicy, 'shanghai', local('shanghai', '2026-12-04 10:00'), 30)?.at).toEqual(local('shanghai', '2026-12-04 17:30'));
    expect(handoffNoticeAt(samplePolicy, 'shanghai', local('shanghai', '2026-12-04 18:00'), 30)?.at).toEqual(local('shanghai', '2026-12-07 17:30'));
    expect(handoffNoticeAt(samplePolicy, 'shanghai', local('shanghai', '2026-10-01 12:00'), 30)?.at).toEqual(local('shanghai', '2026-10-08 17:30'));
    expect(handoffNoticeAt(samplePolicy, 'hq', local('hq', '2026-11-26 12:00'), 45)?.at).toEqual(local('hq', '2026-11-27 17:15')); // Thanksgiving
  });
});

import type { SecondTicker } from '../../../lib/countdown/second-ticker';
import type { TicketView } from '../../../lib/view-model/rendered-view';

export const NOW = new Date('2026-07-14T10:00:00Z');
const minutes = (n: number) => new Date(NOW.getTime() + n * 60_000);

/** A Sev 1 ticket at level 2, the Sales Rep still to be told. */
export function ticketView(overrides: Partial<TicketView> = {}): TicketView {
  return {
    system: 'zendesk',
    ticketId: '35436',
    url: 'https://acme.zendesk.com/agent/tickets/35436',
    title: 'Database cluster down',
    openedAt: minutes(-130),
    state: 'notify',
    severity: 1,
    severityName: 'Severe problem',
    hotAccount: false,
    level: 2,
    levelName: 'Level 2 support',
    levelRoleNames: ['Sales Rep'],
    nextLevel: { level: 3, name: 'Level 3 support', at: minutes(65) },
    nextUpdateDueAt: minutes(32),
    responseDueAt: minutes(-100),
    respondedAt: minutes(-120),
    clockStart: minutes(-130),
    pausedSince: null,
    explanation: ['Sev 1 since 07:50', '2 h 10 min counted', 'level 2 since 09:50'],
    ackTimeouts: [],
    timeline: [
      { level: 1, id: 'l1', name: 'Level 1 support', at: minutes(-130), phase: 'reached', scheduled: true, notifyNames: [] },
      { level: 2, id: 'l2', name: 'Level 2 support', at: minutes(-10), phase: 'reached', scheduled: true, notifyNames: ['Sales Rep'] },
      { level: 3, id: 'l3', name: 'Level 3 support', at: minutes(65), phase: 'next', scheduled: true, notifyNames: ['District Sales Manager'] },
      { level: 4, id: 'director', name: 'Escalation Director', at: minutes(185), phase: 'later', scheduled: true, notifyNames: ['On-duty Escalation Director'] },
    ],
    people: [{ roleId: 'sales-rep', name: 'Sales Rep', holders: [{ name: 'Jane Doe', email: 'jane.doe@example.com' }], level: 2, pending: true, onRequest: false }],
    nativeSla: [],
    source: 'api',
    unread: [],
    officeName: 'Corporate Headquarters',
    officeTimeZone: 'America/Los_Angeles',
    ...overrides,
  };
}

/** A clock the test moves by hand; it never schedules a timer. */
export function manualClock(at: Date = NOW): SecondTicker & { advance(ms: number): void } {
  let now = at.getTime();
  const listeners = new Set<(now: number) => void>();
  return {
    now: () => now,
    isTicking: () => false,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    advance(ms: number) {
      now += ms;
      for (const listener of [...listeners]) listener(now);
    },
  };
}

import { describe, expect, test } from 'vitest';
import { compareNativeSla, ourDeadlineFor } from '../../lib/content/native-sla-drift';
import { planAfterFailure, slowRetryDelayMs, asHelpdeskError } from '../../lib/content/failure-plan';
import { evaluate } from '../../lib/engine/evaluate';
import type { Evaluation } from '../../lib/engine/types';
import { HelpdeskError, type HelpdeskErrorKind } from '../../lib/helpdesks/contract';
import { defaultPolicy } from '../../lib/policy';
import { makeTicket, NOW } from './harness';

const minutes = (n: number) => new Date(NOW.getTime() + n * 60_000);
/** Sev 1, open 2 h 10 min, answered after 10 min and updated 30 min ago (hourly updates). */
function repliedTicket() {
  const ticket = makeTicket('1', 1, 130);
  const reply = (minutesAfterOpening: number) => ({
    at: new Date(ticket.createdAt.getTime() + minutesAfterOpening * 60_000),
    kind: 'publicReply' as const,
  });
  return { ...ticket, history: [reply(10), reply(100)] };
}
const sev1AtLevel2 = (): Evaluation => evaluate(repliedTicket(), defaultPolicy, NOW, []);

describe('what a failed fetch shows', () => {
  test.each<[string, HelpdeskErrorKind, number | undefined, { tryPage: boolean; badge: string | null; retryInMs: number | null }]>([
    ['401: the agent must sign in, no page fallback', 'unauthorized', undefined, { tryPage: false, badge: 'signIn', retryInMs: null }],
    ['403: the same sign-in badge', 'forbidden', undefined, { tryPage: false, badge: 'signIn', retryInMs: null }],
    ['404: nothing at all', 'notFound', undefined, { tryPage: false, badge: null, retryInMs: null }],
    ['429: the page meanwhile, ask again after Retry-After', 'rateLimited', 90_000, { tryPage: true, badge: 'unavailable', retryInMs: 90_000 }],
    ['5xx: the page meanwhile, slow retry', 'server', undefined, { tryPage: true, badge: 'unavailable', retryInMs: 30_000 }],
    ['time-out: like 5xx', 'timeout', undefined, { tryPage: true, badge: 'unavailable', retryInMs: 30_000 }],
    ['network: like 5xx', 'network', undefined, { tryPage: true, badge: 'unavailable', retryInMs: 30_000 }],
    ['unmappable body: the page, else "can\'t read"', 'malformed', undefined, { tryPage: true, badge: 'unreadable', retryInMs: null }],
  ])('%s', (_rule, kind, retryAfterMs, plan) => {
    expect(planAfterFailure(new HelpdeskError(kind, 'x', undefined, retryAfterMs), 0)).toEqual(plan);
  });

  test('slow retries grow 30 s → 2 min → 8 min, then stop', () => {
    expect([0, 1, 2, 3].map(slowRetryDelayMs)).toEqual([30_000, 120_000, 480_000, null]);
  });

  test('anything thrown that is not a HelpdeskError counts as a body we could not read', () => {
    expect(asHelpdeskError(new TypeError('x is undefined')).kind).toBe('malformed');
  });
});

describe('native SLA beside ours', () => {
  test.each([
    ['Zendesk first_reply_time is our response deadline', 'first_reply_time', 'response'],
    ['JSM "Time to first response" is our response deadline', 'Time to first response', 'response'],
    ['Zendesk next_reply_time is our next update', 'next_reply_time', 'update'],
    ['Zendesk periodic_update_time is our next update', 'periodic_update_time', 'update'],
    ['resolution targets have no counterpart', 'Time to resolution', 'none'],
    ['agent work time has no counterpart', 'agent_work_time', 'none'],
  ])('%s', (_rule, name, expected) => {
    const evaluation = { ...sev1AtLevel2(), responseDueAt: minutes(-100), nextUpdateDueAt: minutes(30) };
    const ours = ourDeadlineFor(name, evaluation);
    expect(ours === undefined ? 'none' : ours === evaluation.responseDueAt ? 'response' : 'update').toBe(expected);
  });

  test.each([
    ['within a minute they agree', 60_000, false],
    ['more than a minute apart is drift', 61_000, true],
    ['earlier by more than a minute is drift too', -61_000, true],
  ])('%s', (_rule, offset, drifting) => {
    const evaluation = { ...sev1AtLevel2(), nextUpdateDueAt: minutes(30) };
    const [row] = compareNativeSla([{ name: 'next_reply_time', breachAt: new Date(minutes(30).getTime() + offset), paused: false, breached: false }], evaluation);
    expect(row?.driftMs).toBe(offset);
    expect(row?.drifting).toBe(drifting);
  });

  test('a paused native target is not compared', () => {
    const [row] = compareNativeSla([{ name: 'next_reply_time', breachAt: minutes(500), paused: true, breached: false }], sev1AtLevel2());
    expect(row).toMatchObject({ driftMs: null, drifting: false, paused: true });
  });
});

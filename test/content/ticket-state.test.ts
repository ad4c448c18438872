import { describe, expect, it } from 'vitest';
import { HelpdeskError } from '../../lib/helpdesks/contract';
import type { ReceivedView } from '../../lib/content/reply-shapes';
import {
  AFTER_SAVE_MS,
  initialTicketState,
  REFRESH_EVERY_MS,
  STALE_AFTER_MS,
  stepTicket,
  withRememberedNative,
  type TicketEffect,
  type TicketEvent,
  type TicketState,
} from '../../lib/content/ticket-state';

/**
 * The ticket feature's decisions, event by event, with no DOM and no timers: what the badge
 * shows, when the ticket is read again, and which timers run.
 */

const T0 = Date.parse('2026-07-14T10:00:00Z');

/** Only what the machine looks at: where the view came from, when it changes, native SLA targets. */
function view(source: 'api' | 'page', refreshAt: Date | null = null, native: ReceivedView['native'] = null): ReceivedView {
  return { view: { source } as ReceivedView['view'], native, messages: new Map(), refreshAt, ackNoteMode: 'off' };
}

/** Runs events from a state, collecting every effect in order. */
function run(state: TicketState, ...events: TicketEvent[]): { state: TicketState; effects: TicketEffect[] } {
  const effects: TicketEffect[] = [];
  let current = state;
  for (const event of events) {
    const step = stepTicket(current, event);
    current = step.state;
    effects.push(...step.effects);
  }
  return { state: current, effects };
}

const started = (cached?: ReceivedView) => run(initialTicketState(cached), { kind: 'start', nowMs: T0, visible: true });
const apiShown = () => run(started().state, { kind: 'readSucceeded', shown: view('api', new Date(T0 + 10 * 60_000)), nowMs: T0 });
const kinds = (effects: TicketEffect[]) => effects.map((e) => (e.kind === 'arm' || e.kind === 'disarm' ? `${e.kind}:${e.timer}` : e.kind));
const armed = (effects: TicketEffect[], timer: string) => effects.find((e) => e.kind === 'arm' && e.timer === timer) as { inMs: number } | undefined;

describe('opening a ticket', () => {
  it('without a remembered view: a loading badge, one read, and the slow refresh armed', () => {
    const { state, effects } = started();
    expect(state.display.kind).toBe('loading');
    expect(kinds(effects)).toEqual(['render', 'read', 'arm:slowRefresh']);
    expect(armed(effects, 'slowRefresh')?.inMs).toBe(REFRESH_EVERY_MS);
  });

  it('with a remembered view: shown at once, re-asked a minute after its refreshAt, and read again', () => {
    const { state, effects } = started(view('api', new Date(T0 + 5 * 60_000)));
    expect(state.display.kind).toBe('ticket');
    expect(kinds(effects)).toEqual(['render', 'arm:viewRefresh', 'read', 'arm:slowRefresh']);
    expect(armed(effects, 'viewRefresh')?.inMs).toBe(5 * 60_000 + 1);
  });

  it('a second reason to read while a read is under way joins it', () => {
    const { effects } = run(started().state, { kind: 'focus', nowMs: T0 + 2 * STALE_AFTER_MS }, { kind: 'timerFired', timer: 'afterSave', nowMs: T0 + 2 * STALE_AFTER_MS });
    expect(effects.filter((e) => e.kind === 'read')).toEqual([]);
  });

  it('a read answered shows the ticket and arms the view refresh at its next change', () => {
    const { state, effects } = apiShown();
    expect(state.display.kind).toBe('ticket');
    expect(state.reading).toBe(false);
    expect(kinds(effects)).toEqual(['render', 'arm:viewRefresh']);
    expect(armed(effects, 'viewRefresh')?.inMs).toBe(10 * 60_000 + 1);
  });

  it('a view with no next change disarms the view refresh', () => {
    const { effects } = run(started().state, { kind: 'readSucceeded', shown: view('api', null), nowMs: T0 });
    expect(kinds(effects)).toEqual(['render', 'disarm:viewRefresh']);
  });
});

describe('when the helpdesk says no', () => {
  const fail = (state: TicketState, error: HelpdeskError) => run(state, { kind: 'readFailed', error });

  it('404: no badge at all, decided (and said) once, no retry', () => {
    const { state, effects } = fail(started().state, new HelpdeskError('notFound', 'no such ticket'));
    expect(state.display.kind).toBe('nothing');
    expect(kinds(effects)).toEqual(['render', 'decidedNothing']);
  });

  it('401: asks to sign in, even over good data', () => {
    const { state } = fail(apiShown().state, new HelpdeskError('unauthorized', 'signed out'));
    expect(state.display).toEqual({ kind: 'error', badge: 'signIn' });
  });

  it('5xx over good data: keeps the data and retries after 30 s, 2 min, 8 min, then waits for a natural trigger', () => {
    let state = apiShown().state;
    const delays: Array<number | undefined> = [];
    for (let i = 0; i < 4; i++) {
      const failed = fail(run(state, { kind: 'timerFired', timer: 'retry', nowMs: T0 }).state, new HelpdeskError('server', '503'));
      expect(failed.state.display.kind).toBe('ticket');
      expect(failed.effects.some((e) => e.kind === 'readPage')).toBe(false);
      delays.push(armed(failed.effects, 'retry')?.inMs);
      state = failed.state;
    }
    expect(delays).toEqual([30_000, 120_000, 480_000, undefined]);
  });

  it('a good read resets the back-off', () => {
    const failed = fail(apiShown().state, new HelpdeskError('server', '503'));
    const again = run(failed.state, { kind: 'timerFired', timer: 'retry', nowMs: T0 }, { kind: 'readSucceeded', shown: view('api'), nowMs: T0 });
    expect(again.state.attempt).toBe(0);
    expect(armed(fail(again.state, new HelpdeskError('server', '503')).effects, 'retry')?.inMs).toBe(30_000);
  });

  it('5xx with nothing shown yet: reads what the page shows meanwhile', () => {
    expect(kinds(fail(started().state, new HelpdeskError('timeout', 'slow')).effects)).toEqual(['arm:retry', 'readPage']);
  });

  it('the page read asks the API for the ticket\'s own fields first, except while rate limited (issue 13)', () => {
    const pageRead = (error: HelpdeskError) => fail(started().state, error).effects.find((effect) => effect.kind === 'readPage');
    expect(pageRead(new HelpdeskError('server', '503'))).toEqual({ kind: 'readPage', askApi: true });
    expect(pageRead(new HelpdeskError('malformed', 'audits'))).toEqual({ kind: 'readPage', askApi: true });
    expect(pageRead(new HelpdeskError('rateLimited', 'slow down', 429, 7_000))).toEqual({ kind: 'readPage', askApi: false });
  });

  it("429: retries when the helpdesk's Retry-After says", () => {
    expect(armed(fail(started().state, new HelpdeskError('rateLimited', 'slow down', 429, 7_000)).effects, 'retry')?.inMs).toBe(7_000);
  });

  it('a page that changed shape gets the quiet "unreadable" badge; a background that cannot answer, "unavailable"', () => {
    const failed = fail(started().state, new HelpdeskError('server', '500')).state;
    expect(run(failed, { kind: 'pageUnreadable' }).state.display).toEqual({ kind: 'error', badge: 'unreadable' });
    expect(run(failed, { kind: 'backgroundUnavailable' }).state.display).toEqual({ kind: 'error', badge: 'unavailable' });
  });

  it('settings the background could not give: "unavailable" while loading, the data kept otherwise', () => {
    expect(run(started().state, { kind: 'configFailed' }).state.display).toEqual({ kind: 'error', badge: 'unavailable' });
    expect(run(apiShown().state, { kind: 'configFailed' }).state.display.kind).toBe('ticket');
  });

  it('the slow refresh leaves the next read to a pending retry', () => {
    const failed = fail(apiShown().state, new HelpdeskError('server', '503')).state;
    const { effects } = run(failed, { kind: 'timerFired', timer: 'slowRefresh', nowMs: T0 + REFRESH_EVERY_MS });
    expect(kinds(effects)).toEqual(['arm:slowRefresh']);
  });
});

describe('reading again', () => {
  it('every three minutes while the tab is visible', () => {
    const { effects } = run(apiShown().state, { kind: 'timerFired', timer: 'slowRefresh', nowMs: T0 + REFRESH_EVERY_MS });
    expect(kinds(effects)).toEqual(['read', 'arm:slowRefresh']);
  });

  it('a hidden tab stops the slow refresh; shown again, it reads only stale data', () => {
    const hidden = run(apiShown().state, { kind: 'visibility', visible: false, nowMs: T0 + 1000 });
    expect(kinds(hidden.effects)).toEqual(['disarm:slowRefresh']);
    expect(kinds(run(hidden.state, { kind: 'visibility', visible: true, nowMs: T0 + STALE_AFTER_MS - 1 }).effects)).toEqual(['render', 'arm:slowRefresh']);
    expect(kinds(run(hidden.state, { kind: 'visibility', visible: true, nowMs: T0 + STALE_AFTER_MS }).effects)).toEqual(['render', 'read', 'arm:slowRefresh']);
  });

  it('focus reads data older than a minute, not fresher', () => {
    expect(kinds(run(apiShown().state, { kind: 'focus', nowMs: T0 + 30_000 }).effects)).toEqual([]);
    expect(kinds(run(apiShown().state, { kind: 'focus', nowMs: T0 + STALE_AFTER_MS }).effects)).toEqual(['read']);
  });

  it('a save clicked in the helpdesk reads the ticket once the helpdesk has stored it', () => {
    const saved = run(apiShown().state, { kind: 'saveClicked' });
    expect(armed(saved.effects, 'afterSave')?.inMs).toBe(AFTER_SAVE_MS);
    expect(kinds(run(saved.state, { kind: 'timerFired', timer: 'afterSave', nowMs: T0 + AFTER_SAVE_MS }).effects)).toEqual(['read']);
  });

  it('the background saying the ticket changed asks for the view, not the helpdesk; a lost ticket is read again', () => {
    const asked = run(apiShown().state, { kind: 'viewWanted' });
    expect(kinds(asked.effects)).toEqual(['askView']);
    expect(kinds(run(asked.state, { kind: 'viewAnswered', shown: null, nowMs: T0 + 5_000 }).effects)).toEqual(['read']);
  });

  it('nothing to ask about before a ticket is shown, or after a 404', () => {
    expect(run(started().state, { kind: 'viewWanted' }).effects).toEqual([]);
    const gone = run(started().state, { kind: 'readFailed', error: new HelpdeskError('notFound', '') }).state;
    expect(run(gone, { kind: 'timerFired', timer: 'viewRefresh', nowMs: T0 }).effects).toEqual([]);
  });
});

describe("the helpdesk's own SLA targets", () => {
  const native = [{ name: 'first_reply_time', breachAt: new Date(T0), paused: false }] as unknown as NonNullable<ReceivedView['native']>;

  it('a view asked again keeps the targets of the last read', () => {
    expect(withRememberedNative(view('api'), native).native).toBe(native);
  });

  it('a fresh read brings its own, and a page read has none to keep', () => {
    const fresh = view('api', null, []);
    expect(withRememberedNative(fresh, native)).toBe(fresh);
    expect(withRememberedNative(view('page'), native).native).toBeNull();
  });
});

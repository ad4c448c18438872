import type { HelpdeskError, NativeSlaTarget } from '../helpdesks/contract';
import { planAfterFailure, type ErrorBadgeKind } from './failure-plan';
import type { ReceivedView } from './reply-shapes';

/**
 * What one ticket's badge shows and when it reads the ticket again, given what happened: the
 * pure half of the ticket feature (ticket-feature.tsx is the DOM, timer and message shell around
 * it). `stepTicket(state, event)` answers the next state and the effects the shell carries out;
 * it has no clock of its own (events carry `nowMs`) and no timers (it asks for them by name), so
 * tests drive it event by event.
 */

/** Read again while the ticket stays open and visible: slow, since saves and focus also trigger it. */
export const REFRESH_EVERY_MS = 3 * 60_000;
/** On focus or a return to the tab, data older than this is read again. */
export const STALE_AFTER_MS = 60_000;
/** After the agent clicks a save/submit button, give the helpdesk this long to store it. */
export const AFTER_SAVE_MS = 2_500;
/** setTimeout's largest delay; a later deadline is re-asked at this horizon. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

export type Display =
  | { kind: 'loading' }
  | { kind: 'ticket'; shown: ReceivedView }
  | { kind: 'error'; badge: ErrorBadgeKind }
  | { kind: 'nothing' };

export type TimerName = 'retry' | 'viewRefresh' | 'slowRefresh' | 'afterSave';

export type TicketEffect =
  /** Draw `display` (or remove the badge for 'nothing'). */
  | { kind: 'render' }
  /** Read the ticket over REST and hand it to the background; answers readSucceeded or readFailed. */
  | { kind: 'read' }
  /** Ask the background for the view again, without a request to the helpdesk; answers viewAnswered. */
  | { kind: 'askView' }
  /**
   * The full read failed: read what the page shows, with the ticket's own REST fields first when
   * `askApi` (not while rate limited); answers shown, pageUnreadable or backgroundUnavailable.
   */
  | { kind: 'readPage'; askApi: boolean }
  /** (Re-)arm the named timer; it answers timerFired. An armed timer of that name is replaced. */
  | { kind: 'arm'; timer: TimerName; inMs: number }
  | { kind: 'disarm'; timer: TimerName }
  /** The feature decided the ticket gets no badge (a 404): say so where tests and tools can see. */
  | { kind: 'decidedNothing' };

export type TicketEvent =
  | { kind: 'start'; nowMs: number; visible: boolean }
  | { kind: 'readSucceeded'; shown: ReceivedView; nowMs: number }
  | { kind: 'readFailed'; error: HelpdeskError }
  /** A view from the page fallback or asked again: shown as it is. */
  | { kind: 'shown'; shown: ReceivedView; nowMs: number }
  | { kind: 'viewAnswered'; shown: ReceivedView | null; nowMs: number }
  | { kind: 'pageUnreadable' }
  | { kind: 'backgroundUnavailable' }
  /** The page could not get its settings from the background: nothing can be read. */
  | { kind: 'configFailed' }
  | { kind: 'visibility'; visible: boolean; nowMs: number }
  | { kind: 'focus'; nowMs: number }
  | { kind: 'saveClicked' }
  /** The background says the ticket changed (another tab, the popup), or the panel was opened. */
  | { kind: 'viewWanted' }
  /** The ticket itself changed under us (a note was just written on it): read it again. */
  | { kind: 'readWanted'; nowMs: number }
  | { kind: 'timerFired'; timer: TimerName; nowMs: number };

export interface TicketState {
  display: Display;
  /** Slow retries made since the last good read (failure-plan's back-off). */
  attempt: number;
  lastReadAt: number;
  /** A read is under way: another request joins it instead of starting a second one. */
  reading: boolean;
  /** A retry timer decides the next read, not the slow schedule. */
  retryPending: boolean;
  visible: boolean;
}

export interface TicketStep {
  state: TicketState;
  effects: TicketEffect[];
}

export function initialTicketState(cached: ReceivedView | undefined): TicketState {
  return {
    display: cached ? { kind: 'ticket', shown: cached } : { kind: 'loading' },
    attempt: 0,
    lastReadAt: Number.NEGATIVE_INFINITY,
    reading: false,
    retryPending: false,
    visible: true,
  };
}

/** The helpdesk's own SLA targets travel only with a fresh read: a view asked again keeps the last ones. */
export function withRememberedNative(shown: ReceivedView, remembered: NativeSlaTarget[] | undefined): ReceivedView {
  if (shown.native !== null || shown.view.source !== 'api') return shown;
  return { ...shown, native: remembered ?? null };
}

/** The badge shows data read over REST (with history), not a page read or nothing. */
export const showingApiData = (state: TicketState): boolean => state.display.kind === 'ticket' && state.display.shown.view.source === 'api';

function read(state: TicketState, nowMs: number): TicketStep {
  if (state.reading) return { state, effects: [] };
  return { state: { ...state, reading: true, lastReadAt: nowMs }, effects: [{ kind: 'read' }] };
}

function readIfStale(state: TicketState, nowMs: number): TicketStep {
  return state.visible && nowMs - state.lastReadAt >= STALE_AFTER_MS ? read(state, nowMs) : { state, effects: [] };
}

/** The state changes at deadlines even when the ticket does not: ask for the view again then. */
function viewRefreshAt(at: Date | null, nowMs: number): TicketEffect {
  if (!at) return { kind: 'disarm', timer: 'viewRefresh' };
  return { kind: 'arm', timer: 'viewRefresh', inMs: Math.min(MAX_TIMER_MS, Math.max(0, at.getTime() - nowMs) + 1) };
}

function show(state: TicketState, shown: ReceivedView, nowMs: number): TicketStep {
  return { state: { ...state, display: { kind: 'ticket', shown } }, effects: [{ kind: 'render' }, viewRefreshAt(shown.refreshAt, nowMs)] };
}

function showError(state: TicketState, badge: ErrorBadgeKind): TicketStep {
  return { state: { ...state, display: { kind: 'error', badge } }, effects: [{ kind: 'render' }] };
}

function afterFailure(state: TicketState, error: HelpdeskError): TicketStep {
  const plan = planAfterFailure(error, state.attempt);
  let next: TicketState = { ...state, reading: false };
  const effects: TicketEffect[] = [];
  if (plan.retryInMs !== null) {
    next = { ...next, attempt: next.attempt + 1, retryPending: true };
    effects.push({ kind: 'arm', timer: 'retry', inMs: plan.retryInMs });
  }
  // Keep the last good data through a passing outage; a sign-in problem is always said.
  if (showingApiData(state) && plan.badge !== 'signIn' && plan.badge !== null) return { state: next, effects };
  if (plan.tryPage) return { state: next, effects: [...effects, { kind: 'readPage', askApi: error.kind !== 'rateLimited' }] };
  if (plan.badge) return { state: { ...next, display: { kind: 'error', badge: plan.badge } }, effects: [...effects, { kind: 'render' }] };
  return { state: { ...next, display: { kind: 'nothing' } }, effects: [...effects, { kind: 'render' }, { kind: 'decidedNothing' }] };
}

function slowRefreshArm(state: TicketState): TicketEffect {
  return state.visible ? { kind: 'arm', timer: 'slowRefresh', inMs: REFRESH_EVERY_MS } : { kind: 'disarm', timer: 'slowRefresh' };
}

function onTimer(state: TicketState, timer: TimerName, nowMs: number): TicketStep {
  switch (timer) {
    case 'retry':
      return read({ ...state, retryPending: false }, nowMs);
    case 'viewRefresh':
      return state.display.kind === 'ticket' ? { state, effects: [{ kind: 'askView' }] } : { state, effects: [] };
    case 'afterSave':
      return read(state, nowMs);
    case 'slowRefresh': {
      const step = state.retryPending ? { state, effects: [] } : read(state, nowMs);
      return { state: step.state, effects: [...step.effects, slowRefreshArm(step.state)] };
    }
  }
}

export function stepTicket(state: TicketState, event: TicketEvent): TicketStep {
  switch (event.kind) {
    case 'start': {
      const started = { ...state, visible: event.visible };
      const first = read(started, event.nowMs);
      const cached = started.display.kind === 'ticket' ? [viewRefreshAt(started.display.shown.refreshAt, event.nowMs)] : [];
      return { state: first.state, effects: [{ kind: 'render' }, ...cached, ...first.effects, slowRefreshArm(started)] };
    }
    case 'readSucceeded':
      return show({ ...state, reading: false, attempt: 0 }, event.shown, event.nowMs);
    case 'readFailed':
      return afterFailure(state, event.error);
    case 'shown':
      return show(state, event.shown, event.nowMs);
    case 'viewAnswered':
      // A ticket the background lost (restart, pruning) is read again.
      return event.shown ? show(state, event.shown, event.nowMs) : read(state, event.nowMs);
    case 'pageUnreadable':
      return showError(state, 'unreadable');
    case 'backgroundUnavailable':
      return showError(state, 'unavailable');
    case 'configFailed':
      return state.display.kind === 'loading' ? showError({ ...state, reading: false }, 'unavailable') : { state: { ...state, reading: false }, effects: [] };
    case 'visibility': {
      const next = { ...state, visible: event.visible };
      if (!event.visible) return { state: next, effects: [{ kind: 'disarm', timer: 'slowRefresh' }] };
      const stale = readIfStale(next, event.nowMs);
      return { state: stale.state, effects: [{ kind: 'render' }, ...stale.effects, slowRefreshArm(next)] };
    }
    case 'focus':
      return readIfStale(state, event.nowMs);
    case 'saveClicked':
      return { state, effects: [{ kind: 'arm', timer: 'afterSave', inMs: AFTER_SAVE_MS }] };
    case 'viewWanted':
      return state.display.kind === 'ticket' ? { state, effects: [{ kind: 'askView' }] } : { state, effects: [] };
    case 'readWanted':
      return read(state, event.nowMs);
    case 'timerFired':
      return onTimer(state, event.timer, event.nowMs);
  }
}

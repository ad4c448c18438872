import { ErrorBadge, type ErrorBadgeKind } from '../../components/ticket/ErrorBadge';
import { ClockContext } from '../../components/ticket/clock-context';
import { TicketWidget } from '../../components/ticket/TicketWidget';
import type { AckNoteSetting, AcknowledgeOutcome, TicketPanelActions } from '../../components/ticket/ticket-view';
import type { Evaluation, Ticket } from '../engine/types';
import { ticketToJson } from '../engine/ticket-schema';
import type { FetchedTicket, HelpdeskIo } from '../helpdesks/contract';
import type { Policy } from '../policy/schema';
import { asHelpdeskError, planAfterFailure } from './failure-plan';
import { compareNativeSla } from './native-sla-drift';
import type { ContentRuntimeDeps } from './runtime-deps';
import type { Scope } from './scope';
import type { ShadowHost } from './shadow-host';
import { placeTicketBadge } from './ticket-badge-placement';
import { buildTicketView, nextStateChangeAt } from './ticket-view-model';

/** What we know of a ticket, kept across route changes so going back to a tab shows it at once. */
export interface KnownTicket {
  fetched: FetchedTicket;
  source: 'api' | 'dom';
  fetchedAt: Date;
}

/** State that outlives one visit to a ticket: the cache and what was already reported. */
export interface TicketMemory {
  cache: Map<string, KnownTicket>;
  /** ticket id → version last reported to the background, so a re-visit does not re-send it. */
  reported: Map<string, string>;
  /** ticket id → roles acknowledged from this page (the background keeps the durable record). */
  acknowledged: Map<string, Set<string>>;
}

export function createTicketMemory(): TicketMemory {
  return { cache: new Map(), reported: new Map(), acknowledged: new Map() };
}

/** Refetch while the ticket stays open and visible: slow, since saves and focus also trigger it. */
export const REFRESH_EVERY_MS = 3 * 60_000;
/** On focus or a return to the tab, data older than this is fetched again. */
export const STALE_AFTER_MS = 60_000;
/** After the agent clicks a save/submit button, give the helpdesk this long to store it. */
export const AFTER_SAVE_MS = 2_500;
/** Generic submit controls; a save changes the ticket, so it is the moment to refetch. */
const SAVE_CONTROL = 'button[type="submit"], [data-test-id="submit_button-button"], [data-testid*="submit-button"]';
const MAX_TIMER_MS = 2 ** 31 - 1;

interface Settings<Mapping> {
  policy: Policy;
  mapping: Mapping;
  ackNoteSetting: AckNoteSetting;
}

type Display = { kind: 'loading' } | { kind: 'ticket'; known: KnownTicket } | { kind: 'error'; badge: ErrorBadgeKind } | { kind: 'nothing' };

/**
 * Shows one ticket's badge while its route is current. Everything it starts is registered in
 * `scope`, which the controller disposes when the route moves on.
 */
export function startTicketFeature<Mapping>(
  ticketId: string,
  deps: ContentRuntimeDeps<Mapping>,
  memory: TicketMemory,
  scope: Scope,
  settings: Promise<Settings<Mapping>>,
): void {
  const { doc, win, helpdesk } = deps;
  const cached = memory.cache.get(ticketId);
  let display: Display = cached ? { kind: 'ticket', known: cached } : { kind: 'loading' };
  let loaded: Settings<Mapping> | null = null;
  let attempt = 0;
  let lastFetchAt = Number.NEGATIVE_INFINITY;
  let inFlight: Promise<void> | null = null;
  let cancelRetry: () => void = () => undefined;
  let retryPending = false;
  let cancelReevaluation: () => void = () => undefined;
  let cancelRefresh: () => void = () => undefined;

  const acknowledged = (): Set<string> => {
    let roles = memory.acknowledged.get(ticketId);
    if (!roles) memory.acknowledged.set(ticketId, (roles = new Set()));
    return roles;
  };
  const io = (): HelpdeskIo => ({ fetch: deps.fetch, origin: win.location.origin, signal: scope.signal });

  let host: ShadowHost | null = null;
  const placement = placeTicketBadge(doc, () => helpdesk.findBadgeAnchor(doc), scope, deps.MutationObserver, (created) => {
    host = created;
    render();
  });

  function render(): void {
    if (!host || scope.disposed) return;
    try {
      if (display.kind === 'nothing') {
        placement.remove();
        host = null;
        return;
      }
      if (display.kind === 'error') {
        host.render(<ErrorBadge kind={display.badge} />);
        return;
      }
      if (display.kind === 'loading' || !loaded) {
        host.render(<span class="ew-loading" aria-hidden="true" />);
        return;
      }
      renderTicket(host, display.known, loaded);
    } catch (error) {
      deps.log('badge', error);
    }
  }

  function renderTicket(target: ShadowHost, known: KnownTicket, current: Settings<Mapping>): void {
    const now = deps.now();
    const evaluation = deps.evaluate(known.fetched.ticket, current.policy, now, [...acknowledged()]);
    const view = buildTicketView(known.fetched.ticket, evaluation, current.policy, {
      source: known.source,
      nativeSla: compareNativeSla(known.fetched.nativeSla, evaluation),
    });
    const actions = panelActions(known.fetched.ticket, evaluation, current);
    const ackNoteSetting = deps.canWriteNotes && known.source === 'api' ? current.ackNoteSetting : 'off';
    target.render(
      <ClockContext.Provider value={deps.clock}>
        <TicketWidget view={view} actions={actions} ackNoteSetting={ackNoteSetting} />
      </ClockContext.Provider>,
    );
    scheduleReevaluation(evaluation, now);
  }

  /** The state changes at deadlines even when the ticket does not: render again then. */
  function scheduleReevaluation(evaluation: Evaluation, now: Date): void {
    cancelReevaluation();
    const at = nextStateChangeAt(evaluation, now);
    if (!at) return;
    cancelReevaluation = scope.timeout(render, Math.min(MAX_TIMER_MS, at.getTime() - now.getTime() + 1));
  }

  function panelActions(ticket: Ticket, evaluation: Evaluation, current: Settings<Mapping>): TicketPanelActions {
    return {
      message: (roleId) =>
        deps.composeMessage({ ticket, evaluation, policy: current.policy, roleId, now: deps.now() }),
      copyText: deps.copyText,
      acknowledge: (roleId, writeNote) => acknowledge(ticket, roleId, writeNote),
    };
  }

  async function acknowledge(ticket: Ticket, roleId: string, writeNote: boolean): Promise<AcknowledgeOutcome> {
    const roles = acknowledged();
    const wasAcknowledged = roles.has(roleId);
    roles.add(roleId);
    let reply: { recordError?: string };
    try {
      reply = await deps.acknowledge({
        ticket: { system: ticket.system, id: ticket.id },
        role: roleId,
        recordOnTicket: writeNote && deps.canWriteNotes,
      });
    } catch (error) {
      if (!wasAcknowledged) roles.delete(roleId);
      deps.log('acknowledge', error);
      throw error;
    }
    render();
    if (!writeNote || !deps.canWriteNotes) return { note: 'skipped' };
    if (reply.recordError !== undefined) {
      // The acknowledgement stays local; the panel tells the engineer the note is missing.
      deps.log('ack-note', reply.recordError);
      return { note: 'failed' };
    }
    void refresh(); // the note is now in the ticket's history
    return { note: 'written' };
  }

  function accept(fetched: FetchedTicket, source: 'api' | 'dom'): void {
    const known: KnownTicket = { fetched, source, fetchedAt: deps.now() };
    if (source === 'api') memory.cache.set(ticketId, known);
    display = { kind: 'ticket', known };
    render();
    if (host) markBadgeVisible();
    report(known);
  }

  function report(known: KnownTicket): void {
    const reportKey = `${known.source}:${known.fetched.version}`;
    if (memory.reported.get(ticketId) === reportKey) return;
    memory.reported.set(ticketId, reportKey);
    deps
      .send({
        type: 'ticket:seen',
        ticket: ticketToJson(known.fetched.ticket),
        source: known.source,
        fetchedAt: known.fetchedAt.toISOString(),
      })
      .catch((error: unknown) => {
        memory.reported.delete(ticketId);
        deps.log('report', error);
      });
  }

  async function load(): Promise<void> {
    const current = (loaded ??= await settings);
    if (scope.disposed) return;
    render();
    lastFetchAt = deps.now().getTime();
    try {
      const fetched = await helpdesk.fetchTicket(ticketId, io(), current.mapping);
      if (scope.disposed) return;
      markDataArrived();
      attempt = 0;
      accept(fetched, 'api');
    } catch (thrown) {
      if (scope.disposed) return;
      await failed(thrown, current);
    }
  }

  async function failed(thrown: unknown, current: Settings<Mapping>): Promise<void> {
    const error = asHelpdeskError(thrown);
    const plan = planAfterFailure(error, attempt);
    if (error.kind !== 'notFound') deps.log('fetch', error);
    if (plan.retryInMs !== null) {
      attempt++;
      cancelRetry();
      retryPending = true;
      cancelRetry = scope.timeout(() => {
        retryPending = false;
        void refresh();
      }, plan.retryInMs);
    }
    const showingApiData = display.kind === 'ticket' && display.known.source === 'api';
    if (showingApiData && plan.badge !== 'signIn' && plan.badge !== null) return; // keep the last good data
    if (plan.tryPage) {
      // The page must have rendered the ticket before it can be read.
      await placement.placed;
      if (scope.disposed) return;
      try {
        const ticket = helpdesk.readTicketFromPage(doc, new URL(win.location.href), current.mapping);
        accept({ ticket, version: 'page', nativeSla: [] }, 'dom');
        return;
      } catch (pageError) {
        // The page changed shape: say so quietly. Slow API retries, if any, may still replace it.
        deps.log('page', pageError);
        display = { kind: 'error', badge: 'unreadable' };
        render();
        return;
      }
    }
    display = plan.badge ? { kind: 'error', badge: plan.badge } : { kind: 'nothing' };
    render();
  }

  function refresh(): Promise<void> {
    inFlight ??= load()
      .catch((error: unknown) => {
        // Settings or policy could not be loaded: nothing to evaluate against.
        deps.log('ticket', error);
        if (display.kind === 'loading') {
          display = { kind: 'error', badge: 'unavailable' };
          render();
        }
      })
      .finally(() => {
        inFlight = null;
      });
    return inFlight;
  }

  const visible = () => doc.visibilityState === 'visible';
  const refreshIfStale = () => {
    if (visible() && deps.now().getTime() - lastFetchAt >= STALE_AFTER_MS) void refresh();
  };
  function scheduleSlowRefresh(): void {
    cancelRefresh();
    if (!visible()) return;
    cancelRefresh = scope.timeout(() => {
      // A pending retry (back-off, Retry-After) decides the next request, not the schedule.
      if (!retryPending) void refresh();
      scheduleSlowRefresh();
    }, REFRESH_EVERY_MS);
  }

  scope.listen(doc, 'visibilitychange', () => {
    if (visible()) {
      render();
      refreshIfStale();
      scheduleSlowRefresh();
    } else {
      cancelRefresh();
    }
  });
  scope.listen(win, 'focus', refreshIfStale);
  scope.listen(
    doc,
    'click',
    (event) => {
      const target = event.target;
      if (target instanceof Element && target.closest(SAVE_CONTROL)) {
        scope.timeout(() => void refresh(), AFTER_SAVE_MS);
      }
    },
    { capture: true, passive: true },
  );

  // "Badge visible within 300 ms of the data arriving" (SPEC §5), measurable in a real browser
  // with performance.getEntriesByName('ew:badge:<id>').
  function markDataArrived(): void {
    performance.mark(`ew:data:${ticketId}`);
  }
  function markBadgeVisible(): void {
    try {
      performance.clearMeasures(`ew:badge:${ticketId}`);
      performance.measure(`ew:badge:${ticketId}`, `ew:data:${ticketId}`);
      performance.clearMarks(`ew:data:${ticketId}`);
    } catch {
      // No data mark (page fallback): nothing to measure.
    }
  }

  void refresh();
  scheduleSlowRefresh();
}

import type { TicketRef } from '../messages/protocol';
import { asHelpdeskError } from './failure-plan';
import { ListState, type ListMemory } from './list-state';
import type { PageConfig } from './page-background';
import type { ContentRuntimeDeps } from './runtime-deps';
import type { Scope } from './scope';
import { createShadowHost, type ShadowHost } from './shadow-host';

export { LIST_BATCH_SIZE } from './list-state';

/** Rendering yields after this long, so a long list never blocks the main thread for a frame. */
export const SLICE_BUDGET_MS = 8;
/** Rows this close to the viewport count as visible, so badges are there when they scroll in. */
const NEAR_VIEWPORT = '200px 0px';
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Small badges on the rows of a view, search or queue: the DOM and timer shell around
 * list-state.ts, which decides what to read and show. Only rows near the viewport are read
 * (IntersectionObserver), in batches of at most 100 ids, one batch at a time; the background
 * evaluates each batch and answers one row view per ticket ("checking" while it reads a
 * ticket's history); badges are rendered in idle slices. Rows added later (virtualised tables)
 * are picked up by one MutationObserver. One timer for the list fires when a shown row's state
 * can change. No polling: rows are read again on that timer, when the tab becomes visible, and
 * re-asked (without a REST request) when the background says their ticket changed.
 */
export function startListFeature<Mapping>(
  deps: ContentRuntimeDeps<Mapping>,
  scope: Scope,
  config: Promise<PageConfig<Mapping>>,
  memory: ListMemory,
  watchChanges: (listener: (ticket: TicketRef) => void) => () => void,
): void {
  const { doc, helpdesk } = deps;
  const state = new ListState<Element>(memory);
  const hosts = new Map<Element, ShadowHost>();
  const renderQueue: Element[] = [];
  /** Badges rendered off the page, put in together so a batch costs the table one relayout. */
  const readyToAttach: ShadowHost[] = [];
  /** Rows rendered since the last batch went in: marked as shown once it is (see markShown). */
  const rendered: Array<{ id: string; state: string }> = [];
  let loaded: PageConfig<Mapping> | null = null;
  let cancelFlush: (() => void) | null = null;
  let cancelRender: (() => void) | null = null;
  let cancelScan: (() => void) | null = null;
  let cancelTimer: () => void = () => undefined;
  const nowMs = () => deps.now().getTime();

  const intersections = scope.observe(
    new deps.IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          if (state.setNear(entry.target, entry.isIntersecting, nowMs())) queueRender(entry.target);
        }
        scheduleFlush();
      },
      { rootMargin: NEAR_VIEWPORT },
    ),
  );

  function dropHost(element: Element): void {
    hosts.get(element)?.remove();
    hosts.delete(element);
  }

  function scan(): void {
    cancelScan = null;
    try {
      for (const [element] of [...state.tracked()]) {
        if (element.isConnected) continue;
        intersections.unobserve(element);
        dropHost(element);
        state.untrack(element);
      }
      // Once rows are known, rescan only their table, not the whole single-page app.
      const first = state.tracked().next().value?.[0];
      const table = first?.closest('table, [role="grid"], [role="table"]');
      for (const { id, row } of helpdesk.readListRows(table?.isConnected ? table : doc)) {
        const tracked = state.track(row, id, nowMs());
        // A virtualised table reuses the row element for another ticket: drop the old badge.
        if (tracked.replaced) dropHost(row);
        if (tracked.isNew) intersections.observe(row);
        if (tracked.render) queueRender(row);
      }
      scheduleFlush();
    } catch (error) {
      deps.log('list', error);
    }
  }

  function scheduleScan(): void {
    if (cancelScan || scope.disposed) return;
    cancelScan = deps.requestIdle(scan);
  }

  function scheduleFlush(): void {
    if (cancelFlush || scope.disposed) return;
    cancelFlush = deps.requestIdle(() => {
      cancelFlush = null;
      void read();
      void reask();
    });
  }

  /** One REST read of the rows wanted, handed to the background. */
  async function read(): Promise<void> {
    const current = (loaded ??= await config);
    if (scope.disposed) return;
    const ids = state.takeRead();
    if (!ids) return;
    try {
      const origin = helpdesk.restBase(doc, new URL(deps.win.location.href));
      const reads = await helpdesk.fetchRawTickets(ids, { fetch: deps.fetch, origin, signal: scope.signal }, current.mapping);
      if (scope.disposed) return;
      // Rows the list read left out (deleted, or not visible to the agent) are answered too: their history is unavailable.
      const returned = new Set(reads.map((read) => read.id));
      const missing = ids.filter((id) => !returned.has(id));
      const { rows: views, problems } =
        reads.length + missing.length > 0 ? await deps.background.ingestMany(reads, missing) : { rows: [], problems: [] };
      if (scope.disposed) return;
      // A row the background could not read stays bare, like one the agent may not see; the log names it.
      if (problems.length > 0) deps.log('list-rows', problems.join('; '));
      for (const element of state.readDone(reads, views, nowMs())) queueRender(element);
    } catch (thrown) {
      if (scope.disposed) return;
      const error = asHelpdeskError(thrown);
      deps.log('list-fetch', error);
      const waitMs = state.readFailed(
        ids,
        error.kind === 'rateLimited'
          ? { kind: 'rateLimited', ...(error.retryAfterMs !== undefined ? { retryAfterMs: error.retryAfterMs } : {}) }
          : { kind: 'other' },
      );
      if (waitMs !== null) {
        scope.timeout(() => {
          state.resume();
          scheduleFlush();
        }, waitMs);
      }
    }
    scheduleFlush();
  }

  /** Rows whose ticket changed: the kept reads go to the background again, no REST request. */
  async function reask(): Promise<void> {
    const reads = state.takeReask();
    if (!reads || scope.disposed) return;
    try {
      const { rows: views } = await deps.background.ingestMany(reads);
      if (scope.disposed) return;
      for (const element of state.reaskDone(views, nowMs())) queueRender(element);
    } catch (error) {
      state.reaskFailed();
      deps.log('list-reask', error);
    }
    scheduleFlush();
  }

  function queueRender(element: Element): void {
    renderQueue.push(element);
    if (cancelRender || scope.disposed) return;
    cancelRender = deps.requestIdle(renderSlice);
  }

  function renderSlice(): void {
    cancelRender = null;
    const started = performance.now();
    // At least one row per slice, then as many as fit in the budget.
    do {
      const element = renderQueue.shift();
      if (!element) break;
      try {
        renderRow(element);
      } catch (error) {
        deps.log('row-badge', error);
      }
    } while (performance.now() - started < SLICE_BUDGET_MS);
    if (scope.disposed) return;
    if (renderQueue.length > 0) {
      cancelRender = deps.requestIdle(renderSlice);
      return;
    }
    // Any change inside a big table relayouts all of it: insert the whole batch at once.
    for (const host of readyToAttach.splice(0)) host.attach();
    for (const shown of rendered.splice(0)) markShown(shown.id, shown.state);
    scheduleTimer();
  }

  /** One timer for the whole list, at the instant list-state names. */
  function scheduleTimer(): void {
    cancelTimer();
    const at = state.nextWakeAt((element) => hosts.has(element), nowMs());
    if (at === null) return;
    cancelTimer = scope.timeout(
      () => {
        state.due(nowMs());
        scheduleFlush();
      },
      Math.min(MAX_TIMER_MS, Math.max(0, at - nowMs()) + 1),
    );
  }

  function renderRow(element: Element): void {
    const view = state.viewOf(element);
    if (!view || !element.isConnected) return;
    let host = hosts.get(element);
    if (!host) {
      host = createShadowHost(badgeCell(element), 'append', {
        tag: 'ew-row-badge',
        hostClass: 'ew-host-row',
        css: deps.ui.rowCss,
        detached: true,
      });
      hosts.set(element, host);
      readyToAttach.push(host);
    }
    host.render(deps.ui.row(view, deps.clock));
    rendered.push({ id: view.id, state: view.state });
  }

  scope.onDispose(
    watchChanges((ticket) => {
      if (ticket.system !== helpdesk.system) return;
      state.ticketChanged(ticket.id);
      scheduleFlush();
    }),
  );

  scope.listen(doc, 'visibilitychange', () => {
    if (doc.visibilityState !== 'visible') return;
    state.becameVisible(nowMs());
    scheduleFlush();
  });

  scope.onDispose(() => {
    cancelFlush?.();
    cancelRender?.();
    cancelScan?.();
    for (const host of hosts.values()) host.remove();
    hosts.clear();
  });

  const mutations = scope.observe(
    new deps.MutationObserver((records) => {
      // Our own badges being inserted are mutations too; they never add rows.
      if (records.every((record) => [...record.addedNodes].every(isOurs) && [...record.removedNodes].every(isOurs))) return;
      scheduleScan();
    }),
  );
  mutations.observe(doc.body, { childList: true, subtree: true });

  void config.then(
    (value) => {
      loaded = value;
    },
    (error: unknown) => deps.log('list', error),
  );
  scan();
}

/**
 * A row's badge is on the page with this state: a User Timing mark `ew:row:<id>` (one per row,
 * the latest; its detail the state), so the scale script and browser tests read when each row got
 * its state without walking the closed shadow roots while the page works.
 */
function markShown(id: string, state: string): void {
  const name = `ew:row:${id}`;
  performance.clearMarks(name);
  performance.mark(name, { detail: state });
}

function isOurs(node: Node): boolean {
  return node.nodeType === 1 && (node as Element).tagName.startsWith('EW-');
}

/** The first cell of a table row (a <td> must not get a sibling of another kind), else the row. */
function badgeCell(row: Element): Element {
  return row.querySelector('td, [role="gridcell"], [role="cell"]') ?? row;
}

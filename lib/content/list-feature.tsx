import { ClockContext } from '../../components/ticket/clock-context';
import { RowBadge } from '../../components/ticket/RowBadge';
import { rowBadgeCss } from '../../components/ticket/styles';
import { asHelpdeskError } from './failure-plan';
import type { PageConfig } from './page-background';
import type { ReceivedRow } from './reply-shapes';
import type { ContentRuntimeDeps } from './runtime-deps';
import type { Scope } from './scope';
import { createShadowHost, type ShadowHost } from './shadow-host';

/** At most this many ids per read and per message to the background (Zendesk show_many takes 100). */
export const LIST_BATCH_SIZE = 100;
/** Rendering yields after this long, so a long list never blocks the main thread for a frame. */
export const SLICE_BUDGET_MS = 8;
/** Rows this close to the viewport count as visible, so badges are there when they scroll in. */
const NEAR_VIEWPORT = '200px 0px';
const DEFAULT_RATE_LIMIT_WAIT_MS = 60_000;
const MAX_TIMER_MS = 2 ** 31 - 1;

interface TrackedRow {
  id: string;
  host: ShadowHost | null;
  near: boolean;
}

/**
 * Small badges on the rows of a view, search or queue. Only rows near the viewport are read
 * (IntersectionObserver), in batches of at most 100 ids, one batch at a time; the background
 * evaluates each batch and answers one row view per ticket; badges are rendered in idle slices.
 * Rows added later (virtualised tables) are picked up by one MutationObserver. A row is read
 * again once its state can have changed (its view's refreshAt), by one timer for the list.
 */
export function startListFeature<Mapping>(
  deps: ContentRuntimeDeps<Mapping>,
  scope: Scope,
  config: Promise<PageConfig<Mapping>>,
  fetched: Map<string, ReceivedRow>,
): void {
  const { doc, helpdesk } = deps;
  const rows = new Map<Element, TrackedRow>();
  const wanted = new Set<string>();
  const requested = new Set<string>();
  const renderQueue: Element[] = [];
  /** Badges rendered off the page, put in together so a batch costs the table one relayout. */
  const readyToAttach: ShadowHost[] = [];
  let loaded: PageConfig<Mapping> | null = null;
  let fetching = false;
  let cancelFlush: (() => void) | null = null;
  let cancelRender: (() => void) | null = null;
  let cancelScan: (() => void) | null = null;
  let rateLimited = false;
  let cancelStaleCheck: () => void = () => undefined;

  const fresh = (row: ReceivedRow) => row.refreshAt === null || row.refreshAt.getTime() > deps.now().getTime();

  const intersections = scope.observe(
    new deps.IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          const row = rows.get(entry.target);
          if (!row) continue;
          row.near = entry.isIntersecting;
          if (row.near) want(entry.target, row);
        }
      },
      { rootMargin: NEAR_VIEWPORT },
    ),
  );

  function want(element: Element, row: TrackedRow): void {
    const known = fetched.get(row.id);
    if (known && fresh(known)) {
      queueRender(element);
      return;
    }
    if (known) requested.delete(row.id); // its state can have changed since: read it again
    if (!requested.has(row.id)) {
      wanted.add(row.id);
      scheduleFlush();
    }
  }

  function track(element: Element, id: string): void {
    const existing = rows.get(element);
    if (existing?.id === id) return;
    // A virtualised table reuses the row element for another ticket: drop the old badge.
    existing?.host?.remove();
    rows.set(element, { id, host: null, near: existing?.near ?? false });
    if (!existing) intersections.observe(element);
    const row = rows.get(element);
    if (row?.near) want(element, row);
  }

  function scan(): void {
    cancelScan = null;
    try {
      for (const [element, row] of rows) {
        if (element.isConnected) continue;
        intersections.unobserve(element);
        row.host?.remove();
        rows.delete(element);
      }
      // Once rows are known, rescan only their table, not the whole single-page app.
      const first = rows.keys().next().value;
      const table = first?.closest('table, [role="grid"], [role="table"]');
      for (const { id, row } of helpdesk.readListRows(table?.isConnected ? table : doc)) track(row, id);
    } catch (error) {
      deps.log('list', error);
    }
  }

  function scheduleScan(): void {
    if (cancelScan || scope.disposed) return;
    cancelScan = deps.requestIdle(scan);
  }

  function scheduleFlush(): void {
    if (cancelFlush || fetching || rateLimited || scope.disposed || wanted.size === 0) return;
    cancelFlush = deps.requestIdle(() => {
      cancelFlush = null;
      void flush();
    });
  }

  async function flush(): Promise<void> {
    const current = (loaded ??= await config);
    if (scope.disposed || wanted.size === 0) return;
    const ids = [...wanted].slice(0, LIST_BATCH_SIZE);
    for (const id of ids) {
      wanted.delete(id);
      requested.add(id);
    }
    fetching = true;
    try {
      const origin = helpdesk.restBase(doc, new URL(deps.win.location.href));
      const reads = await helpdesk.fetchRawTickets(ids, { fetch: deps.fetch, origin, signal: scope.signal }, current.mapping);
      if (scope.disposed) return;
      const { rows: views, problems } = reads.length > 0 ? await deps.background.ingestMany(reads) : { rows: [], problems: [] };
      if (scope.disposed) return;
      for (const view of views) fetched.set(view.id, view);
      // A row the background could not read stays bare, like one the agent may not see; the log names it.
      if (problems.length > 0) deps.log('list-rows', problems.join('; '));
      for (const [element, row] of rows) if (row.near && ids.includes(row.id)) queueRender(element);
    } catch (thrown) {
      if (scope.disposed) return;
      const error = asHelpdeskError(thrown);
      deps.log('list-fetch', error);
      if (error.kind === 'rateLimited') {
        // Ask again once the helpdesk allows it; other failures leave the rows quietly bare.
        for (const id of ids) {
          requested.delete(id);
          wanted.add(id);
        }
        rateLimited = true;
        scope.timeout(() => {
          rateLimited = false;
          scheduleFlush();
        }, error.retryAfterMs ?? DEFAULT_RATE_LIMIT_WAIT_MS);
      }
    } finally {
      fetching = false;
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
    scheduleStaleCheck();
  }

  /** One timer for the whole list: at the earliest instant a shown row's state can change, read those rows again. */
  function scheduleStaleCheck(): void {
    cancelStaleCheck();
    let earliest = Number.POSITIVE_INFINITY;
    for (const row of rows.values()) {
      const at = row.host ? fetched.get(row.id)?.refreshAt?.getTime() : undefined;
      if (at !== undefined && at < earliest) earliest = at;
    }
    if (!Number.isFinite(earliest)) return;
    cancelStaleCheck = scope.timeout(() => {
      for (const [element, row] of rows) {
        const view = fetched.get(row.id);
        if (row.near && view && !fresh(view)) want(element, row);
      }
    }, Math.min(MAX_TIMER_MS, Math.max(0, earliest - deps.now().getTime()) + 1));
  }

  function renderRow(element: Element): void {
    const row = rows.get(element);
    const view = row && fetched.get(row.id);
    if (!row || !view || !element.isConnected) return;
    if (!row.host) {
      row.host = createShadowHost(badgeCell(element), 'append', {
        tag: 'ew-row-badge',
        hostClass: 'ew-host-row',
        css: rowBadgeCss,
        detached: true,
      });
      readyToAttach.push(row.host);
    }
    row.host.render(
      <ClockContext.Provider value={deps.clock}>
        <RowBadge view={view} />
      </ClockContext.Provider>,
    );
  }

  scope.onDispose(() => {
    cancelFlush?.();
    cancelRender?.();
    cancelScan?.();
    for (const row of rows.values()) row.host?.remove();
    rows.clear();
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

function isOurs(node: Node): boolean {
  return node.nodeType === 1 && (node as Element).tagName.startsWith('EW-');
}

/** The first cell of a table row (a <td> must not get a sibling of another kind), else the row. */
function badgeCell(row: Element): Element {
  return row.querySelector('td, [role="gridcell"], [role="cell"]') ?? row;
}

import type { HelpdeskPage } from '../helpdesks/contract';
import type { TicketRef } from '../messages/protocol';
import { startListFeature } from './list-feature';
import { createListMemory } from './list-state';
import type { ContentRuntimeDeps } from './runtime-deps';
import { Scope, type LiveResources } from './scope';
import { createTicketMemory, startTicketFeature } from './ticket-feature';

/** A tab hidden this long drops its badges, observers and timers; showing it again restores them. */
export const HIDDEN_TEARDOWN_MS = 5 * 60_000;

export interface ContentRuntime {
  /** What is alive for the current route (listeners, observers, timers): for tests and diagnostics. */
  liveResources(): LiveResources;
  /** The route being shown, e.g. 'ticket:35436', 'list', 'other'. */
  currentRoute(): string;
  dispose(): void;
}

function routeKey(page: HelpdeskPage): string {
  if (page.kind === 'ticket') return `ticket:${page.ticketId}`;
  if (page.kind === 'list') return page.ticketId ? `list:${page.ticketId}` : 'list';
  return 'other';
}

/**
 * The content-script runtime: works out which page this is, on load and on every route change
 * of the single-page app, and runs the matching feature in its own scope. Leaving a route
 * disposes its scope — UI, observers, timers and listeners go with it.
 */
export function startContentRuntime<Mapping>(deps: ContentRuntimeDeps<Mapping>): ContentRuntime {
  const root = new Scope();
  const memory = createTicketMemory();
  const listMemory = createListMemory();
  const changeListeners = new Set<(ticket: TicketRef) => void>();
  const watchChanges = (listener: (ticket: TicketRef) => void) => {
    changeListeners.add(listener);
    return () => changeListeners.delete(listener);
  };
  let route: { key: string; scope: Scope } | null = null;
  let cancelHiddenTeardown: () => void = () => undefined;


  function show(url: URL, force = false): void {
    if (root.disposed) return;
    let page: HelpdeskPage;
    try {
      page = deps.helpdesk.parsePage(url);
    } catch (error) {
      deps.log('route', error);
      page = { kind: 'other' };
    }
    const key = routeKey(page);
    if (!force && route?.key === key) return;
    route?.scope.dispose();
    const scope = root.child();
    route = { key, scope };
    try {
      if (page.kind === 'other') return;
      // Read once per route: a mapping saved in the options applies from the next route on.
      const config = deps.background.config();
      config.catch(() => undefined); // each feature reports its own failure
      if (page.kind === 'list') startListFeature(deps, scope, config, listMemory, watchChanges);
      if (page.ticketId) startTicketFeature(page.ticketId, deps, memory, scope, config, watchChanges);
    } catch (error) {
      deps.log('route', error);
    }
  }

  function onVisibilityChange(): void {
    cancelHiddenTeardown();
    if (deps.doc.visibilityState === 'hidden') {
      cancelHiddenTeardown = root.timeout(() => {
        route?.scope.dispose();
        route = { key: 'hidden', scope: root.child() };
      }, HIDDEN_TEARDOWN_MS);
    } else if (route?.key === 'hidden') {
      show(new URL(deps.win.location.href), true);
    }
  }

  root.listen(deps.doc, 'visibilitychange', onVisibilityChange);
  deps.onLocationChange((url) => show(url));
  deps.onTicketChanged((ticket) => {
    for (const listener of [...changeListeners]) listener(ticket);
  });
  deps.signal.addEventListener('abort', () => root.dispose(), { once: true });
  if (deps.signal.aborted) root.dispose();
  show(new URL(deps.win.location.href));

  return {
    liveResources: () => route?.scope.live() ?? { listeners: 0, observers: 0, timers: 0, scopes: 0 },
    currentRoute: () => route?.key ?? 'none',
    dispose: () => root.dispose(),
  };
}

import { vi } from 'vitest';
import type { SharedClock } from '../../lib/countdown/clock';
import { signal } from '@preact/signals';
import { evaluate } from '../../lib/engine/evaluate';
import type { Severity, Ticket } from '../../lib/engine/types';
import { HelpdeskError, type FetchedTicket, type HelpdeskPage } from '../../lib/helpdesks/contract';
import { defaultPolicy } from '../../lib/policy';
import { startContentRuntime } from '../../lib/content/controller';
import type { ContentRuntimeDeps } from '../../lib/content/runtime-deps';

export const NOW = new Date('2026-07-14T17:00:00Z'); // a Tuesday, 10:00 in Los Angeles
export const ORIGIN = 'https://acme.zendesk.com';

export function makeTicket(id: string, severity: Severity | null = 1, minutesOpen = 130): Ticket {
  return {
    system: 'zendesk',
    id,
    url: `${ORIGIN}/agent/tickets/${id}`,
    title: `Ticket ${id}`,
    createdAt: new Date(NOW.getTime() - minutesOpen * 60_000),
    severity,
    status: 'active',
    office: null,
    workaround: false,
    history: [],
  };
}

export const fetched = (ticket: Ticket, version = 'v1'): FetchedTicket => ({ ticket, version, nativeSla: [] });

/** Where the fake helpdesk page puts its ticket header (the badge anchor). */
export const HEADER = '[data-test-header]';

export function ticketPageHtml(id: string): string {
  return `<header data-test-header data-ticket="${id}" data-severity="1"><h1>Ticket ${id}</h1></header>`;
}

/**
 * A helpdesk with the contract's shape whose answers the test decides: `/tickets/<id>` is a
 * ticket page, `/views/<n>` a list, rows are `tr[data-id]`.
 */
export function fakeHelpdesk(answers: Map<string, FetchedTicket | HelpdeskError> = new Map()) {
  const fetchTicket = vi.fn(async (id: string): Promise<FetchedTicket> => {
    const answer = answers.get(id) ?? new HelpdeskError('notFound', `no ticket ${id}`, 404);
    if (answer instanceof HelpdeskError) throw answer;
    return answer;
  });
  const fetchMany = vi.fn(async (ids: string[]): Promise<FetchedTicket[]> =>
    ids.map((id) => fetched(makeTicket(id, ((Number(id) % 4) + 1) as Severity, Number(id) % 500))),
  );
  const readTicketFromPage = vi.fn((doc: Document): Ticket => {
    const header = doc.querySelector(HEADER);
    const id = header?.getAttribute('data-ticket');
    if (!header || !id) throw new HelpdeskError('malformed', 'ticket header not found');
    return makeTicket(id, Number(header.getAttribute('data-severity')) as Severity);
  });
  const helpdesk: ContentRuntimeDeps<null>['helpdesk'] = {
    system: 'zendesk',
    parsePage(url: URL): HelpdeskPage {
      const ticket = /^\/tickets\/(\d+)/.exec(url.pathname);
      if (ticket?.[1]) return { kind: 'ticket', ticketId: ticket[1] };
      if (url.pathname.startsWith('/views/')) return { kind: 'list' };
      return { kind: 'other' };
    },
    fetchTicket,
    fetchMany,
    readTicketFromPage,
    readListRows: (root) =>
      [...root.querySelectorAll('tr[data-id]')].map((row) => ({ id: row.getAttribute('data-id') ?? '', row })),
    findBadgeAnchor: (doc) => doc.querySelector(HEADER),
  };
  return { helpdesk, fetchTicket, fetchMany, readTicketFromPage, answers };
}

/** MutationObservers that count how many are observing right now. */
export function spyMutationObservers() {
  const live = new Set<object>();
  class SpyMutationObserver extends MutationObserver {
    override observe(target: Node, options?: MutationObserverInit): void {
      live.add(this);
      super.observe(target, options);
    }
    override disconnect(): void {
      live.delete(this);
      super.disconnect();
    }
  }
  return { MutationObserver: SpyMutationObserver, live: () => live.size };
}

/** An IntersectionObserver the test drives: `show(elements)` reports them near the viewport. */
export function fakeIntersectionObservers() {
  const instances = new Set<FakeIntersectionObserver>();
  class FakeIntersectionObserver {
    readonly observed = new Set<Element>();
    constructor(private readonly callback: IntersectionObserverCallback) {}
    observe(element: Element) {
      instances.add(this);
      this.observed.add(element);
    }
    unobserve(element: Element) {
      this.observed.delete(element);
    }
    disconnect() {
      this.observed.clear();
      instances.delete(this);
    }
    takeRecords() {
      return [];
    }
    show(elements: Element[]) {
      const entries = elements
        .filter((element) => this.observed.has(element))
        .map((target) => ({ target, isIntersecting: true }) as unknown as IntersectionObserverEntry);
      this.callback(entries, this as unknown as IntersectionObserver);
    }
  }
  return {
    IntersectionObserver: FakeIntersectionObserver as unknown as typeof IntersectionObserver,
    show: (elements: Element[]) => {
      for (const instance of instances) instance.show(elements);
    },
    live: () => instances.size,
    observedCount: () => [...instances].reduce((sum, instance) => sum + instance.observed.size, 0),
  };
}

/** Listeners on document and window not yet removed (directly or by their AbortSignal). */
export function spyListeners(targets: EventTarget[]) {
  const live = new Set<string>();
  let next = 0;
  const keys = new Map<unknown, string>();
  for (const target of targets) {
    const add = target.addEventListener.bind(target);
    const remove = target.removeEventListener.bind(target);
    vi.spyOn(target, 'addEventListener').mockImplementation((type, listener, options) => {
      const key = `${type}#${next++}`;
      keys.set(listener, key);
      live.add(key);
      const signal = typeof options === 'object' ? options.signal : undefined;
      signal?.addEventListener('abort', () => live.delete(key), { once: true });
      add(type, listener, options);
    });
    vi.spyOn(target, 'removeEventListener').mockImplementation((type, listener, options) => {
      const key = keys.get(listener);
      if (key) live.delete(key);
      remove(type, listener, options);
    });
  }
  return { live: () => live.size };
}

function stillClock(at: Date): SharedClock {
  return { now: signal(at.getTime()), isTicking: () => false };
}

export function navigate(path: string): URL {
  window.history.pushState({}, '', path);
  return new URL(window.location.href);
}

export function startHarness(options: {
  path: string;
  html?: string;
  answers?: Map<string, FetchedTicket | HelpdeskError>;
  overrides?: Partial<ContentRuntimeDeps<null>>;
}) {
  document.body.replaceChildren();
  if (options.html) document.body.insertAdjacentHTML('beforeend', options.html);
  navigate(options.path);
  const fake = fakeHelpdesk(options.answers);
  const observers = spyMutationObservers();
  const intersections = fakeIntersectionObservers();
  const listeners = spyListeners([document, window]);
  const context = new AbortController();
  let routeListener: ((url: URL) => void) | null = null;
  const send = vi.fn(async (_message: unknown): Promise<unknown> => ({ ok: true }));
  const log = vi.fn();
  const acknowledge = vi.fn(async (_input: { ticket: unknown; role: string; recordOnTicket: boolean }): Promise<{ recordError?: string }> => ({}));
  const deps: ContentRuntimeDeps<null> = {
    helpdesk: fake.helpdesk,
    doc: document,
    win: window,
    signal: context.signal,
    onLocationChange: (listener) => {
      routeListener = listener;
    },
    fetch: vi.fn(),
    send,
    loadPolicy: async () => defaultPolicy,
    loadMapping: async () => null,
    loadAckNoteSetting: async () => 'ask',
    evaluate,
    acknowledge,
    canWriteNotes: true,
    composeMessage: ({ roleId }) => ({ subject: `subject ${roleId}`, body: 'body', mailto: `mailto:?subject=${roleId}` }),
    copyText: async () => true,
    now: () => NOW,
    clock: stillClock(NOW),
    MutationObserver: observers.MutationObserver,
    IntersectionObserver: intersections.IntersectionObserver,
    requestIdle: (callback) => {
      const handle = setTimeout(callback, 0);
      return () => clearTimeout(handle);
    },
    log,
    ...options.overrides,
  };
  const runtime = startContentRuntime(deps);
  return {
    ...fake,
    runtime,
    deps,
    send,
    acknowledge,
    log,
    observers,
    intersections,
    listeners,
    go(path: string) {
      const url = navigate(path);
      routeListener?.(url);
    },
    stop() {
      context.abort();
    },
  };
}

/** The shadow root of the ticket badge host, if mounted. */
export function ticketBadgeRoot(): ShadowRoot | null {
  return document.querySelector('ew-ticket-badge')?.shadowRoot ?? null;
}

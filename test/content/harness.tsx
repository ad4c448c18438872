import { shadowRootOf } from './closed-roots';
import { pageUi } from '../../components/page-ui';
import { vi } from 'vitest';
import { englishWords } from '../view-model/view-fixtures';
import { emptyDirectory } from '../../lib/people';
import { pageRowView, pageTicketView } from '../../lib/view-model';
import type { SecondTicker } from '../../lib/countdown/second-ticker';
import { evaluate } from '../../lib/engine/evaluate';
import { ticketFromJson, ticketToJson } from '../../lib/engine/ticket-schema';
import type { Severity, Ticket } from '../../lib/engine/types';
import { HelpdeskError, type HelpdeskInPage, type HelpdeskIo, type HelpdeskPage, type NativeSlaTarget, type RawTicketRead } from '../../lib/helpdesks/contract';
import type { AckNoteMode } from '../../lib/messages/page-view';
import type { TicketRef } from '../../lib/messages/protocol';
import { defaultPolicy } from '../../lib/policy';
import { startContentRuntime } from '../../lib/content/controller';
import type { IngestOutcome, PageBackground } from '../../lib/content/page-background';
import { readRow, readTicketView, type ReceivedView } from '../../lib/content/reply-shapes';
import type { ContentRuntimeDeps } from '../../lib/content/runtime-deps';

export { shadowRootOf };

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

/** What the fake helpdesk's REST answers for a ticket: its JSON and a version. */
export interface FakeAnswer {
  ticket: Ticket;
  version: string;
  nativeSla?: NativeSlaTarget[];
  /** The body reads fine but does not parse in the background. */
  malformed?: string;
}

export const fetched = (ticket: Ticket, version = 'v1', extra: Partial<FakeAnswer> = {}): FakeAnswer => ({ ticket, version, ...extra });

/** Where the fake helpdesk page puts its ticket header (the badge anchor). */
export const HEADER = '[data-test-header]';

export function ticketPageHtml(id: string): string {
  return `<header data-test-header data-ticket="${id}" data-severity="1"><h1>Ticket ${id}</h1></header>`;
}

const rawOf = (answer: FakeAnswer): RawTicketRead => ({
  id: answer.ticket.id,
  version: answer.version,
  raw: {
    ticket: ticketToJson(answer.ticket),
    ...(answer.malformed ? { malformed: answer.malformed } : {}),
    ...(answer.nativeSla ? { nativeSla: answer.nativeSla.map((t) => ({ ...t, breachAt: t.breachAt?.getTime() ?? null })) } : {}),
  },
});

/**
 * A helpdesk with the page half's shape whose answers the test decides: `/tickets/<id>` is a
 * ticket page, `/views/<n>` a list, rows are `tr[data-id]`.
 */
export function fakeHelpdesk(answers: Map<string, FakeAnswer | HelpdeskError> = new Map()) {
  const fetchRawTicket = vi.fn(async (id: string, _io: HelpdeskIo, _mapping: null): Promise<RawTicketRead> => {
    const answer = answers.get(id) ?? new HelpdeskError('notFound', `no ticket ${id}`, 404);
    if (answer instanceof HelpdeskError) throw answer;
    return rawOf(answer);
  });
  const fetchRawTickets = vi.fn(async (ids: string[], _io: HelpdeskIo, _mapping: null): Promise<RawTicketRead[]> =>
    ids.map((id) => rawOf(fetched(makeTicket(id, ((Number(id) % 4) + 1) as Severity, Number(id) % 500)))),
  );
  const readTicketFromPage = vi.fn((doc: Document): Ticket => {
    const header = doc.querySelector(HEADER);
    const id = header?.getAttribute('data-ticket');
    if (!header || !id) throw new HelpdeskError('malformed', 'ticket header not found');
    return makeTicket(id, Number(header.getAttribute('data-severity')) as Severity);
  });
  const helpdesk: HelpdeskInPage<null> = {
    system: 'zendesk',
    parsePage(url: URL): HelpdeskPage {
      const ticket = /^\/tickets\/(\d+)/.exec(url.pathname);
      if (ticket?.[1]) return { kind: 'ticket', ticketId: ticket[1] };
      if (url.pathname.startsWith('/views/')) return { kind: 'list' };
      return { kind: 'other' };
    },
    // A site under a context path (as Data Center can be): REST must be read under it.
    restBase: (_doc, url) => `${url.origin}/site`,
    fetchRawTicket,
    fetchRawTickets,
    readTicketFromPage,
    readListRows: (root) =>
      [...root.querySelectorAll('tr[data-id]')].map((row) => ({ id: row.getAttribute('data-id') ?? '', row })),
    findBadgeAnchor: (doc) => doc.querySelector(HEADER),
  };
  return { helpdesk, fetchRawTicket, fetchRawTickets, readTicketFromPage, answers };
}

/**
 * The background as the page sees it, built on the real view builder (lib/background) with the
 * default policy and the engine; every answer goes through the page's own reply checks. It
 * keeps what was reported and acknowledged, like the watched-ticket store.
 */
export function fakeBackground(options: { now: () => Date; ackNoteMode?: AckNoteMode }) {
  const stored = new Map<string, { ticket: Ticket; source: 'api' | 'dom'; acknowledged: Set<string> }>();
  let ackNoteMode: AckNoteMode = options.ackNoteMode ?? 'ask';
  const viewOf = (ticket: Ticket, source: 'api' | 'dom', nativeSla: NativeSlaTarget[] | null): ReceivedView => {
    const now = options.now();
    const acknowledged = [...(stored.get(ticket.id)?.acknowledged ?? [])];
    const evaluation = evaluate(ticket, defaultPolicy, now, acknowledged);
    const ctx = { policy: defaultPolicy, directory: emptyDirectory(), now, organization: null, words: englishWords };
    const json = pageTicketView(ticket, evaluation, ctx, { source, nativeSla, ackNoteMode });
    return readTicketView(JSON.parse(JSON.stringify(json)));
  };
  const keep = (ticket: Ticket, source: 'api' | 'dom') => {
    const existing = stored.get(ticket.id);
    // As the store does: a page read never replaces an API read.
    if (existing?.source === 'api' && source === 'dom') return;
    stored.set(ticket.id, { ticket, source, acknowledged: existing?.acknowledged ?? new Set() });
  };
  const background = {
    config: vi.fn(async () => ({ mapping: null, ackNoteMode })),
    ingest: vi.fn(async (read: RawTicketRead, _fetchedAt: Date): Promise<IngestOutcome> => {
      if (typeof read.raw.malformed === 'string') return { kind: 'malformed', error: read.raw.malformed };
      const ticket = ticketFromJson(read.raw.ticket);
      const native = (read.raw.nativeSla as Array<NativeSlaTarget & { breachAt: number | null }> | undefined)?.map((t) => ({
        ...t,
        breachAt: t.breachAt === null ? null : new Date(t.breachAt),
      }));
      keep(ticket, 'api');
      return { kind: 'view', shown: viewOf(ticket, 'api', native ?? []) };
    }),
    ingestMany: vi.fn(async (reads: RawTicketRead[]) => ({
      rows: reads.map((read) => {
        const ticket = ticketFromJson(read.raw.ticket);
        return readRow(JSON.parse(JSON.stringify(pageRowView(evaluate(ticket, defaultPolicy, options.now(), []), undefined, options.now()))), 'row');
      }),
      problems: [],
    })),
    seen: vi.fn(async (ticket: Ticket, _fetchedAt: Date) => {
      keep(ticket, 'dom');
      return viewOf(ticket, 'dom', []);
    }),
    view: vi.fn(async (ref: TicketRef) => {
      const entry = stored.get(ref.id);
      return entry ? viewOf(entry.ticket, entry.source, null) : null;
    }),
    acknowledge: vi.fn(async (input: { ticket: TicketRef; role: string; recordOnTicket: boolean }): Promise<{ recordError?: string }> => {
      stored.get(input.ticket.id)?.acknowledged.add(input.role);
      return {};
    }),
    openOptions: vi.fn(async () => undefined),
  } satisfies PageBackground<null>;
  return {
    background,
    stored,
    setAckNoteMode(mode: AckNoteMode) {
      ackNoteMode = mode;
    },
  };
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

/** A clock that stays where it is: countdowns render once and never schedule a tick. */
function stillClock(at: Date): SecondTicker {
  return { now: () => at.getTime(), subscribe: () => () => undefined, isTicking: () => false };
}

export function navigate(path: string): URL {
  window.history.pushState({}, '', path);
  return new URL(window.location.href);
}

export function startHarness(options: {
  path: string;
  html?: string;
  answers?: Map<string, FakeAnswer | HelpdeskError>;
  overrides?: Partial<ContentRuntimeDeps<null>>;
  ackNoteMode?: AckNoteMode;
  now?: () => Date;
}) {
  document.body.replaceChildren();
  if (options.html) document.body.insertAdjacentHTML('beforeend', options.html);
  navigate(options.path);
  const now = options.now ?? (() => NOW);
  const fake = fakeHelpdesk(options.answers);
  const brain = fakeBackground({ now, ...(options.ackNoteMode ? { ackNoteMode: options.ackNoteMode } : {}) });
  const observers = spyMutationObservers();
  const intersections = fakeIntersectionObservers();
  const listeners = spyListeners([document, window]);
  const context = new AbortController();
  let routeListener: ((url: URL) => void) | null = null;
  let changeListener: ((ticket: TicketRef) => void) | null = null;
  const log = vi.fn();
  const deps: ContentRuntimeDeps<null> = {
    helpdesk: fake.helpdesk,
    doc: document,
    win: window,
    signal: context.signal,
    onLocationChange: (listener) => {
      routeListener = listener;
    },
    onTicketChanged: (listener) => {
      changeListener = listener;
    },
    fetch: vi.fn(),
    background: brain.background,
    ui: pageUi,
    canWriteNotes: true,
    copyText: async () => true,
    now,
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
    ...brain,
    runtime,
    deps,
    log,
    observers,
    intersections,
    listeners,
    go(path: string) {
      const url = navigate(path);
      routeListener?.(url);
    },
    /** The background says a ticket changed (an acknowledgement elsewhere). */
    ticketChanged(ticket: TicketRef) {
      changeListener?.(ticket);
    },
    stop() {
      context.abort();
    },
  };
}

/** The shadow root of the ticket badge host, if mounted. */
export function ticketBadgeRoot(): ShadowRoot | null {
  return shadowRootOf(document.querySelector('ew-ticket-badge'));
}

/**
 * The content runtime in a real browser page, against a fake helpdesk and the real engine and
 * default policy: measures data arrival → badge, and the main-thread cost of a 1,000-row view.
 * Bundled and driven by measure.ts; results land in window.__ewResults.
 */
import { shadowRootOf } from '../closed-roots';
import { pageUi } from '../../../components/page-ui';
import { englishWords } from '../../view-model/view-fixtures';
import { emptyDirectory } from '../../../lib/people';
import { pageRowView, pageTicketView } from '../../../lib/view-model';
import { startContentRuntime } from '../../../lib/content/controller';
import type { PageBackground } from '../../../lib/content/page-background';
import { readRow, readTicketView } from '../../../lib/content/reply-shapes';
import { pageSecondTicker } from '../../../lib/countdown/second-ticker';
import { evaluate } from '../../../lib/engine/evaluate';
import { ticketFromJson, ticketToJson } from '../../../lib/engine/ticket-schema';
import type { Severity, Ticket } from '../../../lib/engine/types';
import type { HelpdeskInPage, RawTicketRead } from '../../../lib/helpdesks/contract';
import { defaultPolicy } from '../../../lib/policy';

const rootOf = (host: Element | null) => shadowRootOf(host) ?? undefined;

const NOW = Date.now();
const ticket = (id: string): Ticket => ({
  system: 'zendesk',
  id,
  url: `${location.origin}/tickets/${id}`,
  title: `Ticket ${id}`,
  createdAt: new Date(NOW - ((Number(id) * 37) % 600) * 60_000),
  severity: ((Number(id) % 4) + 1) as Severity,
  status: 'active',
  office: null,
  workaround: false,
  history: [],
});
const read = (id: string): RawTicketRead => ({ id, version: 'v1', raw: { ticket: ticketToJson(ticket(id)) } });

const FETCH_DELAY_MS = 40;
const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const batches: number[] = [];

const helpdesk: HelpdeskInPage<null> = {
  system: 'zendesk',
  parsePage: (url) => {
    const match = /^\/tickets\/(\d+)/.exec(url.pathname);
    if (match?.[1]) return { kind: 'ticket', ticketId: match[1] };
    return url.pathname.startsWith('/views/') ? { kind: 'list' } : { kind: 'other' };
  },
  restBase: (_doc, url) => url.origin,
  fetchRawTicket: async (id) => {
    await delay(FETCH_DELAY_MS);
    return read(id);
  },
  fetchRawTickets: async (ids) => {
    batches.push(ids.length);
    await delay(FETCH_DELAY_MS);
    return ids.map(read);
  },
  readTicketFromPage: () => {
    throw new Error('not used');
  },
  readListRows: (root) => [...root.querySelectorAll('tr[data-id]')].map((row) => ({ id: row.getAttribute('data-id') ?? '', row })),
  findBadgeAnchor: (doc) => doc.querySelector('h1.ticket-header'),
};

let routeListener: ((url: URL) => void) | null = null;

/**
 * The background's part, run in the page for the measurement: the real view builder and engine,
 * with answers through the page's own reply checks. In the extension this runs in the background
 * (another process); the message round trip is not measured here.
 */
const wire = <T,>(value: T): unknown => JSON.parse(JSON.stringify(value));
function viewOf(ticketJson: unknown) {
  const parsed = ticketFromJson(ticketJson);
  const now = new Date();
  const evaluation = evaluate(parsed, defaultPolicy, now, []);
  const ctx = { policy: defaultPolicy, directory: emptyDirectory(), now, organization: null, words: englishWords };
  const view = pageTicketView(parsed, evaluation, ctx, { source: 'api', nativeSla: [], ackNoteMode: 'ask' });
  return readTicketView(wire(view));
}
const background: PageBackground<null> = {
  config: async () => ({ mapping: null, ackNoteMode: 'ask' }),
  ingest: async (raw) => ({ kind: 'view', shown: viewOf(raw.raw.ticket) }),
  ingestMany: async (reads) => ({
    rows: reads.map((raw) => {
      const parsed = ticketFromJson(raw.raw.ticket);
      const now = new Date();
      return readRow(wire(pageRowView(evaluate(parsed, defaultPolicy, now, []), undefined, now)), 'row');
    }),
    problems: [],
  }),
  seen: async (seenTicket) => viewOf(ticketToJson(seenTicket)),
  view: async () => null,
  acknowledge: async () => ({}),
  openOptions: async () => undefined,
};
const idleSlices: number[] = [];
function requestIdle(callback: () => void): () => void {
  const handle = requestIdleCallback(
    () => {
      const start = performance.now();
      callback();
      idleSlices.push(performance.now() - start);
    },
    { timeout: 500 },
  );
  return () => cancelIdleCallback(handle);
}

const longTasks: string[] = [];
let origin = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) longTasks.push(`at ${(entry.startTime - origin).toFixed(0)}: ${entry.duration.toFixed(0)} ms`);
}).observe({ type: 'longtask', buffered: true });
/** Long animation frames, split into our script time and the page's style and layout. */
interface LongFrame {
  startTime: number;
  duration: number;
  styleAndLayoutStart: number;
  scripts: Array<{ invoker: string; duration: number }>;
}
const frames: string[] = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries() as unknown as LongFrame[]) {
    if (origin === 0 || entry.startTime < origin) continue;
    const styleAndLayout = entry.duration - (entry.styleAndLayoutStart - entry.startTime);
    const scripts = entry.scripts.map((script) => `${script.invoker} ${script.duration.toFixed(0)} ms`).join(', ');
    frames.push(`+${(entry.startTime - origin).toFixed(0)} ms: frame ${entry.duration.toFixed(0)} ms = style+layout ${styleAndLayout.toFixed(0)} ms; scripts: ${scripts}`);
  }
}).observe({ type: 'long-animation-frame', buffered: false });

const controller = new AbortController();
startContentRuntime<null>({
  helpdesk,
  doc: document,
  win: window,
  signal: controller.signal,
  onLocationChange: (listener) => {
    routeListener = listener;
  },
  onTicketChanged: () => undefined,
  fetch: (input, init) => fetch(input, init),
  background,
  ui: pageUi,
  canWriteNotes: false,
  copyText: async () => true,
  now: () => new Date(),
  clock: pageSecondTicker(),
  MutationObserver,
  IntersectionObserver,
  requestIdle,
  log: (feature, error) => console.warn(feature, error),
});

function go(path: string): void {
  history.pushState({}, '', path);
  routeListener?.(new URL(location.href));
}

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
}

function rowsOnScreenWithoutBadge(): number {
  return [...document.querySelectorAll('tr[data-id]')].filter((row) => {
    const rect = row.getBoundingClientRect();
    return rect.bottom > 0 && rect.top < window.innerHeight && !row.querySelector('ew-row-badge');
  }).length;
}

async function measureTicket(id: string): Promise<{ renderMs: number; toPaintMs: number }> {
  document.body.replaceChildren();
  document.body.insertAdjacentHTML('beforeend', `<h1 class="ticket-header">Ticket ${id}</h1>`);
  go(`/tickets/${id}`);
  await until(() => !!rootOf(document.querySelector('ew-ticket-badge'))?.querySelector('.ew-badge'));
  const measure = performance.getEntriesByName(`ew:badge:${id}`, 'measure')[0];
  const renderedAt = measure ? measure.startTime + measure.duration : performance.now();
  await new Promise((resolve) => requestAnimationFrame(resolve));
  return { renderMs: measure?.duration ?? NaN, toPaintMs: performance.now() - (measure?.startTime ?? renderedAt) };
}

async function measureList() {
  document.body.replaceChildren();
  const rows = Array.from({ length: 1000 }, (_, i) => `<tr data-id="${i + 1}"><td>#${i + 1}</td><td>Subject ${i + 1}</td></tr>`);
  document.body.insertAdjacentHTML('beforeend', `<table><tbody>${rows.join('')}</tbody></table>`);
  await nextFrame();
  idleSlices.length = 0;
  longTasks.length = 0;
  frames.length = 0;
  batches.length = 0;
  const start = performance.now();
  origin = start;
  go('/views/1');
  const routeMs = performance.now() - start;
  // Done when every row on screen wears its badge (not when some time has passed).
  await until(() => document.querySelectorAll('ew-row-badge').length > 0 && rowsOnScreenWithoutBadge() === 0);
  const firstScreen = document.querySelectorAll('ew-row-badge').length;
  const scrolledAt = performance.now() - start;
  document.querySelector('tr[data-id="600"]')?.scrollIntoView();
  await until(() => rowsOnScreenWithoutBadge() === 0);
  return {
    routeMs,
    scrolledAt,
    badgesFirstScreen: firstScreen,
    badgesAfterScroll: document.querySelectorAll('ew-row-badge').length,
    batches: [...batches],
    idleTotalMs: idleSlices.reduce((a, b) => a + b, 0),
    idleLongestMs: Math.max(0, ...idleSlices),
    idleSlices: idleSlices.length,
    longTasks: [...longTasks],
    frames: [...frames],
  };
}

async function run() {
  const tickets = [];
  for (let i = 1; i <= 30; i++) {
    tickets.push(await measureTicket(String(i)));
    go('/other');
  }
  const list = await measureList();
  (window as unknown as { __ewResults: unknown }).__ewResults = { tickets, list };
}

void run();

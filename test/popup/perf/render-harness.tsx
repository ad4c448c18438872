/**
 * Browser-side harness for measure-popup-render.mjs: renders the real popup with N synthetic
 * watched tickets in real Chromium and times it with performance.now(). Not a vitest test.
 */
import { signal } from '@preact/signals';
import { render } from 'preact';
import { PopupApp } from '../../../components/popup/PopupApp';
import { PopupClockContext } from '../../../components/popup/popup-clock';
import type { PopupActions, PopupData } from '../../../components/popup/popup-types';
import { QueueRow, type RowHandlers } from '../../../components/popup/QueueRow';
import { createSharedClock, englishCountdownWords } from '../../../lib/countdown';
import type { Severity, Ticket, TicketEvent } from '../../../lib/engine/types';
import { messageFromCatalog, type Catalog } from '../../../lib/i18n';
import { defaultPolicy } from '../../../lib/policy';
import { evaluate } from '../../../lib/engine/evaluate';
import { emptyDirectory } from '../../../lib/people';
import { queueItemsFromRows, type QueueItem } from '../../../lib/queue';
import { formatDuration } from '../../../lib/countdown';
import { popupRow, sortByUrgency } from '../../../lib/view-model';
import en from '../../../public/_locales/en/messages.json';

const catalog: Catalog = en;
// The extension's i18n, as the popup sees it (browser.i18n), answered from the English catalog.
(globalThis as unknown as { browser: unknown }).browser = {
  i18n: {
    getMessage: (key: string, subs?: string | string[]) => messageFromCatalog(catalog, key, subs),
    getUILanguage: () => 'en',
  },
};

const NOW = Date.parse('2026-07-14T18:00:00Z');
const offices = ['hq', 'shanghai', 'taichung', 'singapore', 'malaysia'];

/** Deterministic pseudo-random tickets: mixed helpdesks, severities, offices, ~20 history events each. */
function syntheticTickets(count: number): Array<{ ticket: Ticket; mine: boolean }> {
  let seed = 42;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  return Array.from({ length: count }, (_, index) => {
    const severity = (1 + Math.floor(random() * 4)) as Severity;
    const createdAt = new Date(NOW - Math.floor(random() * 5 * 24 * 60) * 60_000);
    const history: TicketEvent[] = [{ at: createdAt, kind: 'severity', to: severity }];
    let at = createdAt.getTime();
    for (let event = 0; event < 19; event++) {
      at += Math.floor(random() * ((NOW - at) / 4));
      const roll = random();
      history.push(
        roll < 0.5
          ? { at: new Date(at), kind: 'publicReply' }
          : roll < 0.75
            ? { at: new Date(at), kind: 'status', to: random() < 0.5 ? 'waiting' : 'active' }
            : { at: new Date(at), kind: 'status', to: 'active' },
      );
    }
    const system = index % 3 === 0 ? 'jira' : 'zendesk';
    const id = system === 'jira' ? `OPS-${1000 + index}` : String(35000 + index);
    const ticket: Ticket = {
      system,
      id,
      url: system === 'jira' ? `https://acme.atlassian.net/browse/${id}` : `https://acme.zendesk.com/agent/tickets/${id}`,
      title: `Synthetic ticket ${index}: customer reports degraded service in region ${index % 7}`,
      createdAt,
      severity,
      status: 'active',
      office: offices[index % offices.length] ?? null,
      workaround: false,
      history,
    };
    return { ticket, mine: index % 4 === 0 };
  });
}

const actions: PopupActions = {
  acknowledge: async () => ({ noteError: null }),
  copyText: async () => undefined,
  openTicket: async () => undefined,
  openOptions: async () => undefined,
  forget: async () => undefined,
  forgetViewTickets: async () => 0,
  watchViewTickets: async () => undefined,
  watchAgain: async () => undefined,
};

const words = {
  t: (key: Parameters<typeof messageFromCatalog>[1], subs?: string | number | ReadonlyArray<string | number>) =>
    messageFromCatalog(catalog, key, subs === undefined ? undefined : (Array.isArray(subs) ? subs : [subs]).map(String)),
  formatInstant: (at: Date) => at.toISOString(),
  formatDuration: (ms: number) => formatDuration(ms),
};

/** What the background does for 'tickets:list': evaluate, order, build rows; then the popup's JSON → Dates. */
function backgroundRows(count: number): QueueItem[] {
  const now = new Date(NOW);
  const evaluated = syntheticTickets(count).map(({ ticket, mine }) => ({
    key: `${ticket.system}:${ticket.id}`,
    ticket,
    mine,
    evaluation: evaluate(ticket, defaultPolicy, now, []),
  }));
  const ctx = { policy: defaultPolicy, directory: emptyDirectory(), now, organization: null, words };
  const rows = sortByUrgency(evaluated).map((item) => popupRow({ ...item, acknowledged: {}, refreshError: null }, ctx));
  return queueItemsFromRows(JSON.parse(JSON.stringify(rows)));
}

const frozenClock = () =>
  createSharedClock({ now: () => NOW, isVisible: () => false, visibilityTarget: new EventTarget(), setTimeout: () => 0, clearTimeout: () => undefined });

/** Waits until the browser has painted what was rendered (two frames). */
const painted = () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));

function freshRoot(): HTMLElement {
  document.body.textContent = '';
  const root = document.createElement('div');
  document.body.append(root);
  return root;
}

export interface Measurement {
  tickets: number;
  renderedRows: number;
  /** Before it: the background evaluating, ordering and building every row, and the popup turning them into Dates. */
  evaluateAndSortMs: number;
  /** evaluate + sort + render + style/layout, synchronously (performance.now around render and a forced layout). */
  mountMs: number;
  /** From before render to after the second animation frame: what the engineer waits for. */
  toPaintMs: number;
  /** Typing in the search box: filter + re-render + layout. */
  searchMs: number;
  /** Scrolling half-way down: window moves, rows re-render. */
  scrollMs: number;
}

/** `keep` leaves the popup on the page (for a screenshot). */
async function measurePopup(count: number, keep = false): Promise<Measurement> {
  const root = freshRoot();
  const evaluateStart = performance.now();
  const items = backgroundRows(count);
  const evaluateAndSortMs = performance.now() - evaluateStart;
  const data = signal<PopupData | null>({ items, policy: defaultPolicy, mineConfigured: true, ackNoteMode: 'off', watchViewTickets: true });
  const start = performance.now();
  render(
    <PopupClockContext.Provider value={frozenClock()}>
      <PopupApp data={data} loadError={signal(null)} actions={actions} engineerTimeZone="Asia/Shanghai" />
    </PopupClockContext.Provider>,
    root,
  );
  void document.body.offsetHeight;
  const mountMs = performance.now() - start;
  await painted();
  const toPaintMs = performance.now() - start;
  const renderedRows = root.querySelectorAll('.ew-list-item').length;

  const search = root.querySelector<HTMLInputElement>('input[type="search"]');
  const searchStart = performance.now();
  if (search) {
    search.value = 'region 3';
    search.dispatchEvent(new Event('input', { bubbles: true }));
  }
  await Promise.resolve();
  void document.body.offsetHeight;
  const searchMs = performance.now() - searchStart;
  if (search) {
    search.value = '';
    search.dispatchEvent(new Event('input', { bubbles: true }));
  }
  await painted();

  const viewport = root.querySelector<HTMLElement>('.ew-list-viewport');
  const scrollStart = performance.now();
  if (viewport) {
    viewport.scrollTop = viewport.scrollHeight / 2;
    viewport.dispatchEvent(new Event('scroll'));
  }
  await Promise.resolve();
  void document.body.offsetHeight;
  const scrollMs = performance.now() - scrollStart;
  if (!keep) render(null, root);
  return { tickets: count, renderedRows, evaluateAndSortMs, mountMs, toPaintMs, searchMs, scrollMs };
}

/** For comparison: every row rendered, no window (what the list would cost without one). */
async function measureUnwindowed(count: number): Promise<{ tickets: number; renderedRows: number; mountMs: number; toPaintMs: number }> {
  const root = freshRoot();
  const items = backgroundRows(count);
  const handlers: RowHandlers = { onSelect: () => undefined, onMarkNotified: () => undefined, onCopy: () => undefined, messageOf: () => null, onAddPeople: () => undefined };
  const start = performance.now();
  render(
    <PopupClockContext.Provider value={frozenClock()}>
      <ul class="ew-list-plain">
        {items.map((item) => (
          <li key={`${item.ticket.system}:${item.ticket.id}`}>
            <QueueRow item={item} words={englishCountdownWords} engineerTimeZone="Asia/Shanghai" handlers={handlers} busyRoles={new Set()} />
          </li>
        ))}
      </ul>
    </PopupClockContext.Provider>,
    root,
  );
  void document.body.offsetHeight;
  const mountMs = performance.now() - start;
  await painted();
  const toPaintMs = performance.now() - start;
  const renderedRows = root.querySelectorAll('.ew-row').length;
  render(null, root);
  return { tickets: count, renderedRows, mountMs, toPaintMs };
}

Object.assign(globalThis, { measurePopup, measureUnwindowed });

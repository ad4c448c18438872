import type { CDPSession, Page, Target } from 'puppeteer-core';
import type { ChromiumSession } from './harness';
import { waitUntil } from './harness';

/**
 * Reading and steering the extension's own side in Chromium: its service worker (storage,
 * alarms, notifications), its popup, and the in-page panel's "Mark notified". Everything the
 * tests assert is what the browser holds, not what our code says it did.
 */

/** The alarm the background keeps armed (lib/background/deps.ts WAKE_ALARM). */
export const WAKE_ALARM = 'escalation-watch:wake';

export interface RecordedNotification {
  id: string;
  title: string;
  message: string;
  /** When chrome.notifications.create was called (ms since epoch, the browser's clock). */
  at: number;
}

interface RecorderGlobal {
  __ewNotifications?: RecordedNotification[];
  /** Set once per service-worker instance: its absence after a stop proves a fresh instance. */
  __ewInstance?: string;
}

async function serviceWorkerTarget(session: ChromiumSession): Promise<Target> {
  return session.browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith(`chrome-extension://${session.extensionId}/`), { timeout: 20_000 });
}

/**
 * Evaluates in the extension's service worker over a short-lived DevTools session of its own.
 * (Puppeteer's cached worker handle goes stale when the worker restarts, and a session left
 * attached across a stop can leave the next instance waiting for a debugger.) Retries while
 * the worker is starting: its extension APIs are bound a moment after the target appears.
 */
export async function inWorker<T, A = undefined>(session: ChromiumSession, fn: (arg: A) => T | Promise<T>, arg?: A): Promise<Awaited<T>> {
  const expression = `(async () => { if (typeof chrome !== 'object' || !chrome.storage) throw new Error('extension APIs not bound yet'); return (${fn.toString()})(${JSON.stringify(arg ?? null)}); })()`;
  let lastError: unknown;
  for (let attempt = 0; attempt < 20; attempt++) {
    let abandoned = false;
    let cdp: CDPSession | undefined;
    const evaluateOnce = async () => {
      const opened = await (await serviceWorkerTarget(session)).createCDPSession();
      cdp = opened;
      if (abandoned) {
        void opened.detach().catch(() => undefined); // opened after this attempt timed out
        throw new Error('abandoned');
      }
      // A worker that starts while DevTools sessions come and go can be left waiting for one.
      await opened.send('Runtime.runIfWaitingForDebugger');
      return opened.send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true });
    };
    try {
      // Any step can hang on a worker that is stopping: give up on this session and try anew.
      const reply = await withTimeout(evaluateOnce(), 5_000);
      if (!reply.exceptionDetails) return reply.result.value as Awaited<T>;
      lastError = new Error(reply.exceptionDetails.exception?.description ?? reply.exceptionDetails.text);
    } catch (error) {
      lastError = error;
    } finally {
      abandoned = true;
      // Never left attached: a session held across a worker stop can pause the next instance.
      void (cdp as CDPSession | undefined)?.detach().catch(() => undefined);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw lastError instanceof Error ? lastError : new Error(String(lastError));
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer from the service worker in ${ms} ms`)), ms);
    promise.then(resolve, reject).finally(() => clearTimeout(timer));
  });
}

/**
 * Keeps a DevTools session attached to the service worker, which keeps Chrome from stopping it
 * when idle (an in-memory recorder would otherwise vanish with it). Release it before stopping
 * the worker on purpose.
 */
export async function holdWorker(session: ChromiumSession): Promise<() => Promise<void>> {
  const cdp = await withTimeout((await serviceWorkerTarget(session)).createCDPSession(), 10_000);
  await withTimeout(cdp.send('Runtime.runIfWaitingForDebugger'), 10_000);
  return () => cdp.detach().then(() => undefined, () => undefined);
}

/**
 * Records every chrome.notifications.create call of this worker instance (the ids are the
 * background's "(ticket, event)" keys, so a duplicate shows up as the same id twice) and marks
 * the instance. Returns the instance mark.
 */
export async function recordNotifications(session: ChromiumSession): Promise<string> {
  return inWorker(session, () => {
    const g = self as unknown as RecorderGlobal;
    if (g.__ewInstance && g.__ewNotifications) return g.__ewInstance;
    const log: RecordedNotification[] = [];
    g.__ewNotifications = log;
    g.__ewInstance = `instance-${Date.now()}-${Math.random().toString(36).slice(2)}`;
    const notifications = chrome.notifications as unknown as { create: (id: string, options: { title?: string; message?: string }) => Promise<string> };
    const create = notifications.create.bind(chrome.notifications);
    notifications.create = (id, options) => {
      log.push({ id, title: options.title ?? '', message: options.message ?? '', at: Date.now() });
      return create(id, options);
    };
    return g.__ewInstance;
  });
}

export async function recordedNotifications(session: ChromiumSession): Promise<RecordedNotification[]> {
  return inWorker(session, () => (self as unknown as RecorderGlobal).__ewNotifications ?? []);
}

export async function workerInstance(session: ChromiumSession): Promise<string | null> {
  return inWorker(session, () => (self as unknown as RecorderGlobal).__ewInstance ?? null);
}

/** Ids of the notifications on screen now. */
export async function displayedNotifications(session: ChromiumSession): Promise<string[]> {
  return inWorker(session, async () => Object.keys(await chrome.notifications.getAll()));
}

export async function clearDisplayedNotifications(session: ChromiumSession): Promise<void> {
  await inWorker(session, async () => {
    for (const id of Object.keys(await chrome.notifications.getAll())) await chrome.notifications.clear(id);
  });
}

export async function wakeAlarmAt(session: ChromiumSession): Promise<number | null> {
  return inWorker(session, (name) => chrome.alarms.get(name).then((alarm) => alarm?.scheduledTime ?? null), WAKE_ALARM);
}

/** What the background stored, as chrome.storage.local holds it. */
export interface StoredTicket {
  acknowledged: Record<string, { at: string; by: 'local' | 'ticket' }>;
  shown: Record<string, string>;
  lastSeenAt: string;
  fetchedAt: string;
  ticket: { id: string; system: string; history: Array<{ kind: string; role?: string }> };
}

export async function storedTickets(session: ChromiumSession): Promise<Record<string, StoredTicket>> {
  return inWorker(session, async () => ((await chrome.storage.local.get('watchedTickets')).watchedTickets ?? {}) as Record<string, StoredTicket>);
}

export async function lastCheckedAt(session: ChromiumSession): Promise<string | null> {
  return inWorker(session, async () => {
    const state = (await chrome.storage.local.get('backgroundState')).backgroundState as { lastCheckedAt?: string | null } | undefined;
    return state?.lastCheckedAt ?? null;
  });
}

/**
 * Writes a stored item the way @wxt-dev/storage does (value plus `key$` metadata with its
 * version), as the options page would have saved it.
 */
export async function seedStorage(session: ChromiumSession, area: 'local' | 'sync', key: string, value: unknown, version = 1): Promise<void> {
  await inWorker(
    session,
    ({ area, key, value, version }) => chrome.storage[area].set({ [key]: value, [`${key}$`]: { v: version } }),
    { area, key, value, version },
  );
}

/** The general settings (sync:generalSettings) with the ack-note mode chosen; the rest at defaults. */
export async function setAckNoteMode(session: ChromiumSession, mode: 'off' | 'ask' | 'always'): Promise<void> {
  await seedStorage(session, 'sync', 'generalSettings', {
    mine: { enabled: false, email: null, zendeskUserId: null, jiraAccountId: null },
    ackNoteMode: mode,
    forgetSolvedAfterDays: 7,
  });
}

/** 440 px: the popup's own body width (popup.css), which is how wide Chrome opens it. */
export const POPUP_VIEWPORT = { width: 440, height: 600 };

export async function openExtensionPage(session: ChromiumSession, path: 'popup.html' | 'options.html', viewport = POPUP_VIEWPORT): Promise<Page> {
  const page = await session.browser.newPage();
  await page.setViewport(viewport);
  await page.goto(`chrome-extension://${session.extensionId}/${path}`);
  return page;
}

/** Asks the background to re-read settings, re-evaluate and notify (what the options page sends after a save). */
export async function requestWake(extensionPage: Page): Promise<void> {
  const reply = await extensionPage.evaluate(() => chrome.runtime.sendMessage({ type: 'settings:changed', area: 'notifications' }) as Promise<{ ok: boolean; error?: string }>);
  if (!reply.ok) throw new Error(`settings:changed refused: ${reply.error ?? ''}`);
}

export interface PopupRow {
  id: string;
  /** The row's state class (ew-state-*). */
  state: string | null;
  /** Text of the "people to notify" part; empty when nobody is pending. */
  people: string;
}

/** The popup's rows in list order (aria-posinset; the list is windowed). */
export async function readPopupRows(popup: Page): Promise<PopupRow[]> {
  return popup.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.ew-list-item')]
      .map((item) => {
        const row = item.querySelector('.ew-row');
        const state = [...(row?.classList ?? [])].find((c) => c.startsWith('ew-state-'))?.slice('ew-state-'.length) ?? null;
        return {
          position: Number(item.getAttribute('aria-posinset')),
          id: (item.querySelector('.ew-ticket-id')?.textContent ?? '').trim(),
          state,
          people: (item.querySelector('.ew-row-people')?.textContent ?? '').replace(/\s+/g, ' ').trim(),
        };
      })
      .sort((a, b) => a.position - b.position)
      .map(({ id, state, people }) => ({ id, state, people })),
  );
}

/**
 * Clicks "Mark notified" for a role in the open in-page panel (see page-probes openPanel) and
 * waits for the panel's status line to report the outcome. `writeNote` sets the "also record it
 * on the ticket" box when the setting is "ask".
 */
export async function markNotifiedInPanel(page: Page, roleName: string, options: { writeNote?: boolean } = {}): Promise<string> {
  // Each step finds the role's row afresh: the panel re-renders between them.
  const act = (name: string, step: 'toggle-on' | 'toggle-off' | 'click') =>
    page.evaluate(
      (name, step) => {
        const rows = document.querySelector('ew-ticket-badge')?.shadowRoot?.querySelectorAll<HTMLElement>('.ew-person') ?? [];
        const row = [...rows].find((r) => (r.querySelector('.ew-person-name')?.textContent ?? '').includes(name));
        if (step === 'click') {
          const button = row?.querySelector<HTMLButtonElement>('button.ew-primary');
          button?.click();
          return Boolean(button);
        }
        const box = row?.querySelector<HTMLInputElement>('input[type="checkbox"]');
        if (!box || box.checked === (step === 'toggle-on')) return false;
        box.click();
        return true;
      },
      name,
      step,
    );
  if (options.writeNote !== undefined && (await act(roleName, options.writeNote ? 'toggle-on' : 'toggle-off'))) {
    // The click handler reads the rendered choice: let the panel re-render first.
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  const before = await panelStatus(page);
  if (!(await act(roleName, 'click'))) throw new Error(`no "Mark notified" button for ${roleName} in the panel`);
  return waitUntil(() => panelStatus(page), (status) => status !== '' && status !== before, 15_000, `panel status after marking ${roleName} notified`);
}

async function panelStatus(page: Page): Promise<string> {
  return page.evaluate(() => (document.querySelector('ew-ticket-badge')?.shadowRoot?.querySelector('.ew-panel .ew-status')?.textContent ?? '').trim());
}

/** Stops every service worker through DevTools, as Chrome does to an idle extension worker. */
export async function stopServiceWorkers(page: Page): Promise<void> {
  const cdp = await page.createCDPSession();
  try {
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
  } finally {
    await cdp.detach();
  }
}

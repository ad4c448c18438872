import type { Page, Target } from 'puppeteer-core';
import { clickInShadow, inShadowRoots } from './closed-shadow';
import type { ChromiumSession } from './harness';
import { waitUntil } from './harness';

/**
 * Reading and steering the extension's own side in Chromium: its service worker (storage,
 * alarms, notifications), its popup, and the in-page panel's "Mark notified". Everything the
 * tests assert is what the browser holds, not what our code says it did.
 */

/** The alarm the background keeps armed (lib/background/deps.ts WAKE_ALARM). */
export const WAKE_ALARM = 'escalation-watch:wake';

/** One entry of the background's notification log (lib/storage/notification-log.ts). */
export interface RecordedNotification {
  id: string;
  title: string;
  message: string;
  /** When the browser accepted it (ms since epoch, the background's clock). */
  at: number;
}

/**
 * Evaluates `fn` in the session's control page (an extension page: chrome.storage, alarms and
 * notifications are the background's own). No DevTools session touches the service worker, so
 * nothing here can leave it paused or race its start.
 */
export async function inExtension<T, A = undefined>(session: ChromiumSession, fn: (arg: A) => T | Promise<T>, arg?: A): Promise<Awaited<T>> {
  const control = await session.control();
  // Puppeteer serialises `fn` and `arg` into the page; both are plain (no element handles).
  return withTimeout(control.evaluate(fn as never, arg as never) as Promise<Awaited<T>>, 10_000, `the extension page to run ${fn.toString().slice(0, 80)}`);
}

/** What the background raised, oldest first, as it recorded it in storage. */
export async function recordedNotifications(session: ChromiumSession): Promise<RecordedNotification[]> {
  const log = await inExtension(session, async () => ((await chrome.storage.local.get('notificationLog')).notificationLog ?? []) as Array<{ id: string; title: string; message: string; at: string }>);
  return log.map((entry) => ({ ...entry, at: Date.parse(entry.at) }));
}

/** Ids of the notifications on screen now. */
export async function displayedNotifications(session: ChromiumSession): Promise<string[]> {
  return inExtension(session, async () => Object.keys(await chrome.notifications.getAll()));
}

export async function clearDisplayedNotifications(session: ChromiumSession): Promise<void> {
  await inExtension(session, async () => {
    for (const id of Object.keys(await chrome.notifications.getAll())) await chrome.notifications.clear(id);
  });
}

export async function wakeAlarmAt(session: ChromiumSession): Promise<number | null> {
  return inExtension(session, (name) => chrome.alarms.get(name).then((alarm) => alarm?.scheduledTime ?? null), WAKE_ALARM);
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
  // One storage key per ticket (v4): `watched:${system}:${id}@${origin}`.
  return inExtension(session, async () => {
    const all = await chrome.storage.local.get(null);
    return Object.fromEntries(
      Object.entries(all)
        .filter(([key]) => key.startsWith('watched:'))
        .map(([key, entry]) => [key.slice('watched:'.length), entry]),
    ) as Record<string, StoredTicket>;
  });
}

export async function lastCheckedAt(session: ChromiumSession): Promise<string | null> {
  return inExtension(session, async () => {
    const state = (await chrome.storage.local.get('backgroundState')).backgroundState as { lastCheckedAt?: string | null } | undefined;
    return state?.lastCheckedAt ?? null;
  });
}

/**
 * Writes a stored item the way @wxt-dev/storage does (value plus `key$` metadata with its
 * version), as the options page would have saved it.
 */
export async function seedStorage(session: ChromiumSession, area: 'local' | 'sync', key: string, value: unknown, version = 1): Promise<void> {
  await inExtension(
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
 * Clicks "Mark notified" for a role in the open in-page panel (see page-probes openPanel) with a
 * real (trusted) mouse click, and waits for the panel's status line to report the outcome.
 * `writeNote` sets the "also record it on the ticket" box when the setting is "ask".
 */
export async function markNotifiedInPanel(page: Page, roleName: string, options: { writeNote?: boolean } = {}): Promise<string> {
  // Each step finds the role's row afresh: the panel re-renders between them.
  const rowPart = (roots: ShadowRoot[], spec: string) => {
    const [name, part] = spec.split('\u0000') as [string, string];
    const rows = roots[0]?.querySelectorAll<HTMLElement>('.ew-person') ?? [];
    const row = [...rows].find((r) => (r.querySelector('.ew-person-name')?.textContent ?? '').includes(name));
    return row?.querySelector<HTMLElement>(part) ?? null;
  };
  const isChecked = () =>
    inShadowRoots(
      page,
      'ew-ticket-badge',
      (roots, name) => {
        const row = [...(roots[0]?.querySelectorAll('.ew-person') ?? [])].find((r) => (r.querySelector('.ew-person-name')?.textContent ?? '').includes(name));
        const box = row?.querySelector<HTMLInputElement>('input[type="checkbox"]');
        return box ? box.checked : null;
      },
      roleName,
    );
  if (options.writeNote !== undefined) {
    const checked = await isChecked();
    if (checked !== null && checked !== options.writeNote) {
      await clickInShadow(page, 'ew-ticket-badge', rowPart, `${roleName}\u0000input[type="checkbox"]`);
      // The re-rendered box shows the choice the click handler will read.
      await waitUntil(isChecked, (now) => now === options.writeNote, 5_000, `the note box for ${roleName}`);
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve(null))));
    }
  }
  const before = await panelStatus(page);
  if (!(await clickInShadow(page, 'ew-ticket-badge', rowPart, `${roleName}\u0000button.ew-primary`))) throw new Error(`no "Mark notified" button for ${roleName} in the panel`);
  return waitUntil(() => panelStatus(page), (status) => status !== '' && status !== before, 15_000, `panel status after marking ${roleName} notified`);
}

async function panelStatus(page: Page): Promise<string> {
  return inShadowRoots(page, 'ew-ticket-badge', (roots) => (roots[0]?.querySelector('.ew-panel .ew-status')?.textContent ?? '').trim());
}

const isExtensionWorker = (session: ChromiumSession) => (target: Target) =>
  target.type() === 'service_worker' && target.url().startsWith(`chrome-extension://${session.extensionId}/`);

/**
 * Stops the extension's service worker through a page's DevTools session (never the worker's
 * own), as Chrome does to an idle one, and resolves once the browser reports it gone. The
 * returned promise resolves when a new instance has started (the next message starts it).
 */
export async function stopExtensionWorker(session: ChromiumSession, page: Page): Promise<{ restarted: Promise<void> }> {
  const { browser } = session;
  const isOurs = isExtensionWorker(session);
  let markStopped: () => void = () => undefined;
  let markRestarted: () => void = () => undefined;
  const stopped = new Promise<void>((resolve) => (markStopped = resolve));
  const restarted = new Promise<void>((resolve) => (markRestarted = resolve));
  let gone = !browser.targets().some(isOurs);
  if (gone) markStopped();
  const onDestroyed = (target: Target) => {
    if (!isOurs(target)) return;
    gone = true;
    markStopped();
  };
  // Only an instance created after the old one went away counts as the restart.
  const onCreated = (target: Target) => {
    if (!isOurs(target) || !gone) return;
    browser.off('targetdestroyed', onDestroyed);
    browser.off('targetcreated', onCreated);
    markRestarted();
  };
  browser.on('targetdestroyed', onDestroyed);
  browser.on('targetcreated', onCreated);
  const cdp = await page.createCDPSession();
  try {
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
  } finally {
    await cdp.detach();
  }
  await withTimeout(stopped, 15_000, 'the service worker to stop');
  return { restarted: withTimeout(restarted, 15_000, 'a new service-worker instance') };
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
    promise.then(resolve, reject).finally(() => clearTimeout(timer));
  });
}

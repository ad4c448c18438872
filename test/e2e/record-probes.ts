import type { Page } from 'puppeteer-core';
import { waitUntil } from './harness';

/**
 * Probes for the escalation record and acknowledgement timeouts (issue 15 items 5–6), in Chromium
 * and Firefox alike: they run in an extension page (options.html), whose storage is the
 * background's own, through the promise-based WebExtension API (`browser` in Firefox, `chrome`
 * in Chromium).
 */

/** A key of the extension's storage.local, as stored. */
export function localStorageValue<T>(extensionPage: Page, key: string): Promise<T | undefined> {
  return extensionPage.evaluate(async (name) => {
    const api = (globalThis as { browser?: typeof chrome }).browser ?? chrome;
    return (await api.storage.local.get(name))[name];
  }, key) as Promise<T | undefined>;
}

/**
 * The escalation record as stored (v3): its 64 shard keys (`escalationRecord#00`..`#63`, each JSON
 * text) read in one get and merged, with the metadata's version; undefined when no shard is stored.
 */
export function storedEscalationRecord<T>(extensionPage: Page): Promise<{ version: unknown; record: Record<string, T> } | undefined> {
  return extensionPage.evaluate(async () => {
    const api = (globalThis as { browser?: typeof chrome }).browser ?? chrome;
    const keys = Array.from({ length: 64 }, (_, shard) => `escalationRecord#${String(shard).padStart(2, '0')}`);
    const stored = await api.storage.local.get([...keys, 'escalationRecord$']);
    const texts = keys.map((key) => stored[key]).filter((text): text is string => typeof text === 'string');
    if (texts.length === 0) return undefined;
    const record: Record<string, unknown> = {};
    for (const text of texts) Object.assign(record, JSON.parse(text));
    return { version: (stored['escalationRecord$'] as { v?: unknown } | undefined)?.v, record };
  }) as Promise<{ version: unknown; record: Record<string, T> } | undefined>;
}

export function setLocalStorage(extensionPage: Page, items: Record<string, unknown>): Promise<void> {
  return extensionPage.evaluate(async (values) => {
    const api = (globalThis as { browser?: typeof chrome }).browser ?? chrome;
    await api.storage.local.set(values);
  }, items);
}

export interface LoggedNotification {
  id: string;
  title: string;
  message: string;
  at: string;
}

/** The background's notification log (`local:notificationLog`), oldest first. */
export async function notificationLogIn(extensionPage: Page): Promise<LoggedNotification[]> {
  return (await localStorageValue<LoggedNotification[]>(extensionPage, 'notificationLog')) ?? [];
}

export async function waitForLoggedNotification(extensionPage: Page, accept: (n: LoggedNotification) => boolean, label: string, timeoutMs = 30_000): Promise<LoggedNotification> {
  const log = await waitUntil(() => notificationLogIn(extensionPage), (entries) => entries.some(accept), timeoutMs, label, 250);
  return log.find(accept)!;
}

/**
 * Files the options page saves go through `URL.createObjectURL` and a link's click; this keeps
 * each Blob and the name the link gives it, and does not hand the file to the browser's
 * downloads (nothing lands on disk), so the test reads exactly what the engineer would get.
 */
export async function captureDownloads(extensionPage: Page): Promise<void> {
  await extensionPage.evaluate(() => {
    const w = window as unknown as { __ewFiles?: Array<{ url: string; blob: Blob; name?: string }> };
    if (w.__ewFiles) return;
    const files: Array<{ url: string; blob: Blob; name?: string }> = [];
    w.__ewFiles = files;
    const create = URL.createObjectURL.bind(URL);
    URL.createObjectURL = (blob: Blob | MediaSource) => {
      const url = create(blob);
      if (blob instanceof Blob) files.push({ url, blob });
      return url;
    };
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      const file = files.find((candidate) => candidate.url === this.href);
      if (file) file.name = this.download;
    };
  });
}

export async function savedFiles(extensionPage: Page): Promise<Array<{ name: string; type: string; text: string }>> {
  return extensionPage.evaluate(async () => {
    const files = (window as unknown as { __ewFiles?: Array<{ blob: Blob; name?: string }> }).__ewFiles ?? [];
    return Promise.all(files.filter((file) => file.name !== undefined).map(async (file) => ({ name: file.name ?? '', type: file.blob.type, text: await file.blob.text() })));
  });
}

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

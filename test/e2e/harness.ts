import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import puppeteer, { type Browser, type Page, type WebWorker } from 'puppeteer-core';
import { startSimulatorProxy } from '../simulator/proxy';
import { startHelpdeskSimulator, type HelpdeskSimulator, type SimulatorOptions } from '../simulator/server';

/**
 * Real browsers with the built extension loaded, against the local helpdesk simulator.
 * Chromium maps the production host names to the simulator with --host-resolver-rules, so the
 * production manifest (`https://*.zendesk.com/*`) matches unchanged; Firefox reaches them
 * through the simulator's CONNECT proxy, its nearest faithful equivalent.
 */

export const CHROMIUM = '/usr/bin/chromium';
export const FIREFOX = '/usr/bin/firefox-esr';
export const CHROME_BUILD = resolve('.output/chrome-mv3');
export const FIREFOX_BUILD = resolve('.output/firefox-mv2');
export const ARTEFACTS = resolve('test-results/screenshots');
export const HOSTS = ['acme.zendesk.com', 'acme.atlassian.net', 'jira.acme-corp.test'];

export function browsersAvailable(): { chromium: boolean; firefox: boolean } {
  return { chromium: existsSync(CHROMIUM) && existsSync(CHROME_BUILD), firefox: existsSync(FIREFOX) && existsSync(FIREFOX_BUILD) };
}

export async function startSimulator(options?: SimulatorOptions): Promise<HelpdeskSimulator> {
  return startHelpdeskSimulator(options);
}

export interface ChromiumSession {
  browser: Browser;
  extensionId: string;
  /** The extension's service worker (re-resolved after a restart). */
  worker(): Promise<WebWorker>;
  close(): Promise<void>;
}

export async function launchChromium(sim: HelpdeskSimulator, options: { headless?: boolean } = {}): Promise<ChromiumSession> {
  const rules = HOSTS.map((host) => `MAP ${host}:443 127.0.0.1:${sim.port}`).join(', ');
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: options.headless ?? true,
    acceptInsecureCerts: true,
    defaultViewport: { width: 1280, height: 800 },
    args: [
      '--no-sandbox',
      `--disable-extensions-except=${CHROME_BUILD}`,
      `--load-extension=${CHROME_BUILD}`,
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--host-resolver-rules=${rules}`,
      '--ignore-certificate-errors',
    ],
  });
  const target = await browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'), { timeout: 20_000 });
  const extensionId = new URL(target.url()).host;
  return {
    browser,
    extensionId,
    async worker() {
      const current = await browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith(`chrome-extension://${extensionId}/`), { timeout: 20_000 });
      const worker = await current.worker();
      if (!worker) throw new Error('the extension service worker has no worker handle');
      return worker;
    },
    close: () => browser.close(),
  };
}

export interface FirefoxSession {
  browser: Browser;
  addonId: string;
  close(): Promise<void>;
}

export async function launchFirefox(sim: HelpdeskSimulator): Promise<FirefoxSession> {
  const proxy = await startSimulatorProxy(sim.port);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    acceptInsecureCerts: true,
    defaultViewport: { width: 1280, height: 800 },
    extraPrefsFirefox: {
      'network.proxy.type': 1,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': proxy.port,
      'network.proxy.no_proxies_on': '',
      'network.proxy.allow_hijacking_localhost': true,
      'extensions.webextensions.restrictedDomains': '',
    },
  });
  const addonId = await browser.installExtension(FIREFOX_BUILD);
  return {
    browser,
    addonId,
    async close() {
      await browser.close();
      await proxy.close();
    },
  };
}

export async function screenshot(page: Page, name: string, dir = ARTEFACTS): Promise<string> {
  mkdirSync(dir, { recursive: true });
  const path = `${dir}/${name}.png`;
  await page.screenshot({ path: path as `${string}.png` });
  return path;
}

/** Waits for a predicate evaluated in the page, polling in the test runner (not in the page). */
export async function waitUntil<T>(probe: () => Promise<T>, accept: (value: T) => boolean, timeoutMs = 15_000, label = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  while (Date.now() < deadline) {
    last = await probe();
    if (accept(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${label}; last value: ${JSON.stringify(last)}`);
}

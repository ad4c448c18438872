import { createHash } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
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
  /**
   * An extension page of our own (the packaged manifest.json, which has the extension's APIs
   * and runs none of its code): where the tests read and write storage, alarms and notifications,
   * without attaching DevTools to the service worker. Reopened if it was closed.
   */
  control(): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Chrome's id for an unpacked extension: the SHA-256 of its absolute path, first 32 hex digits
 * written with the letters a–p. Known before the browser starts, so nothing waits for the
 * service worker to show up as a DevTools target.
 */
export function unpackedExtensionId(dir: string): string {
  const hex = createHash('sha256').update(dir).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(97 + Number.parseInt(digit, 16))).join('');
}

/**
 * Resolves once the background answers a message: its listeners are registered and its storage
 * is readable. The service worker is started by the message itself, as it is for any page.
 */
export async function backgroundReady(control: Page, timeoutMs = 30_000): Promise<void> {
  await waitUntil(
    () =>
      control.evaluate(() =>
        (chrome.runtime.sendMessage({ type: 'tickets:list' }) as Promise<{ ok?: boolean } | undefined>).then(
          (reply) => reply?.ok === true,
          () => false,
        ),
      ),
    (ok) => ok,
    timeoutMs,
    'the background to answer a message',
  );
}

export async function launchChromium(sim: HelpdeskSimulator, options: { headless?: boolean; /** UI language, e.g. 'zh-CN' (browser.i18n follows it). */ lang?: string } = {}): Promise<ChromiumSession> {
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
      ...(options.lang ? [`--lang=${options.lang}`] : []),
    ],
    ...(options.lang ? { env: { ...process.env, LANGUAGE: options.lang.replace('-', '_') } } : {}),
  });
  const extensionId = unpackedExtensionId(CHROME_BUILD);
  let control: Page | null = null;
  const session: ChromiumSession = {
    browser,
    extensionId,
    async control() {
      if (control && !control.isClosed()) return control;
      const page = await browser.newPage();
      await page.goto(`chrome-extension://${extensionId}/manifest.json`);
      control = page;
      return page;
    },
    close: () => browser.close(),
  };
  try {
    const page = await session.control();
    await backgroundReady(page);
    // Opened again when a probe needs it: no stray tab in front of the pages a test or the demo opens.
    await page.close();
  } catch (error) {
    await browser.close();
    throw error;
  }
  return session;
}

export interface FirefoxSession {
  browser: Browser;
  addonId: string;
  close(): Promise<void>;
}

/**
 * Debian's language pack for Firefox ESR in `lang` (package firefox-esr-l10n-zh-tw etc., which
 * scripts/setup.sh installs), or null. Without one Firefox keeps en-US whatever it is asked.
 */
export function firefoxLangpack(lang: string): string | null {
  const path = `/usr/lib/firefox-esr/browser/extensions/langpack-${lang}@firefox-esr.mozilla.org.xpi`;
  return existsSync(path) ? path : null;
}

export async function launchFirefox(sim: HelpdeskSimulator, options: { /** UI language, e.g. 'zh-TW': its language pack is installed and requested. */ lang?: string } = {}): Promise<FirefoxSession> {
  const langpack = options.lang ? firefoxLangpack(options.lang) : null;
  if (options.lang && !langpack) throw new Error(`no Firefox language pack for ${options.lang} (apt-get install firefox-esr-l10n-${options.lang.toLowerCase()})`);
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
      ...(options.lang ? { 'intl.locale.requested': options.lang } : {}),
    },
  });
  // The language pack first, so the extension starts in that language (browser.i18n, Intl).
  if (langpack) await browser.installExtension(langpack);
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
  // Only the tab in front renders frames; a capture of a background tab waits for one forever.
  await page.bringToFront();
  const path = `${dir}/${name}.png`;
  await page.screenshot({ path: path as `${string}.png` });
  return path;
}

/** Waits for a predicate evaluated in the page, polling in the test runner (not in the page). */
export async function waitUntil<T>(probe: () => Promise<T>, accept: (value: T) => boolean, timeoutMs = 15_000, label = 'condition', intervalMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  let lastError: unknown = null;
  while (Date.now() < deadline) {
    try {
      last = await probe();
      lastError = null;
      if (accept(last)) return last;
    } catch (error) {
      lastError = error; // e.g. a page between two documents: probe again
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  const why = lastError ? `last error: ${lastError instanceof Error ? lastError.message : String(lastError)}` : `last value: ${JSON.stringify(last)}`;
  throw new Error(`timed out waiting for ${label}; ${why}`);
}

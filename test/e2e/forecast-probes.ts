import type { Browser, Page } from 'puppeteer-core';
import { clickInShadow } from './closed-shadow';
import { mkdirSync } from 'node:fs';
import { ARTEFACTS, waitUntil } from './harness';
import { openPanel } from './page-probes';

/** Probes of the forecast view (issue 15) for the browser tests, in Chromium and Firefox alike. */

export interface ShownForecastEvent {
  uid: string;
  text: string;
}

/** The deadlines the forecast list shows (every row rendered: the tests watch a few tickets). */
export function readForecastEvents(page: Page): Promise<ShownForecastEvent[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.ew-forecast-event')].map((row) => ({ uid: row.dataset.uid ?? '', text: (row.textContent ?? '').replace(/\s+/g, ' ').trim() })),
  );
}

/** Deadline marks in each office's strip. */
export function readStripMarks(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() =>
    Object.fromEntries([...document.querySelectorAll<HTMLElement>('.ew-strip-row')].map((row) => [row.dataset.office ?? '', row.querySelectorAll('.ew-mark').length])),
  );
}

/** The handoff summaries shown: office and text. */
export function readHandoffs(page: Page): Promise<Array<{ office: string; text: string }>> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.ew-handoff')].map((section) => ({ office: section.dataset.office ?? '', text: (section.textContent ?? '').replace(/\s+/g, ' ').trim() })),
  );
}

/**
 * Clicks "Add … to calendar" (a real click) and reads the file it downloads: the Blob URL the
 * link points to after the click, fetched from the page itself.
 */
export async function downloadCalendar(page: Page, selector = 'a.ew-calendar-link'): Promise<{ fileName: string; text: string }> {
  await page.bringToFront();
  await page.click(selector);
  const href = await waitUntil(() => page.$eval(selector, (link) => (link as HTMLAnchorElement).href), (url) => url.startsWith('blob:'), 10_000, 'the calendar link to point at its file');
  const fileName = await page.$eval(selector, (link) => link.getAttribute('download') ?? '');
  const text = await page.evaluate(async (url) => (await fetch(url)).text(), href);
  return { fileName, text };
}

/**
 * Firefox's WebDriver BiDi cannot navigate to moz-extension:// pages, but it can script one the
 * extension opened itself. The ticket panel's "Add people" opens the options page (the role must
 * have nobody in the directory); that tab then goes to `path` on its own.
 */
export async function openExtensionPageFromPanel(browser: Browser, ticketPage: Page, path: string): Promise<Page> {
  await openPanel(ticketPage);
  const before = new Set(await browser.pages());
  const clicked = await clickInShadow(ticketPage, 'ew-ticket-badge', (roots) => roots.flatMap((root) => [...root.querySelectorAll('.ew-person-nobody button')])[0]);
  if (!clicked) throw new Error('no "Add people" link in the panel');
  const page = await waitUntil(
    async () => {
      for (const candidate of await browser.pages()) {
        if (before.has(candidate)) continue;
        const href = await candidate.evaluate(() => location.href).catch(() => '');
        if (href.startsWith('moz-extension://') || href.startsWith('chrome-extension://')) return candidate;
      }
      return null;
    },
    (found) => found !== null,
    15_000,
    'the extension page the panel opened',
  );
  await navigateExtensionPage(page!, path);
  return page!;
}

/** Sends an extension page to another of the extension's pages (same origin, so the page may). */
export async function navigateExtensionPage(page: Page, path: string): Promise<void> {
  await page.evaluate((target) => {
    location.href = new URL(target, location.href).href;
  }, path);
  await waitUntil(() => page.evaluate(() => `${location.pathname}|${document.readyState}`), (state) => state === `/${path.split('#')[0]}|complete`, 15_000, `${path} loaded`);
}

/** A screenshot of one element (the handoff box), as a user sees it in the tab in front. */
export async function screenshotOf(page: Page, selector: string, name: string): Promise<void> {
  mkdirSync(ARTEFACTS, { recursive: true });
  await page.bringToFront();
  const element = await page.waitForSelector(selector, { timeout: 10_000 });
  await element!.scrollIntoView();
  await element!.screenshot({ path: `${ARTEFACTS}/${name}.png` });
}

export interface StripNameFit {
  office: string;
  name: string;
  /** The name's text is cut (overflows its box, or is drawn with an ellipsis). */
  clipped: boolean;
  /** The name's box sticks out of its strip row on either side. */
  outside: boolean;
}

/** Whether each office's name over its strip is shown whole (issue 15 review: never "Corporate He…"). */
export function readStripNameFits(page: Page): Promise<StripNameFit[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.ew-strip-row')].map((row) => {
      const name = row.querySelector<HTMLElement>('.ew-strip-name')!;
      const box = name.getBoundingClientRect();
      const rowBox = row.getBoundingClientRect();
      const style = getComputedStyle(name);
      return {
        office: row.dataset.office ?? '',
        name: name.textContent ?? '',
        clipped: name.scrollWidth > name.clientWidth + 1 || style.textOverflow === 'ellipsis' && style.overflow !== 'visible',
        outside: box.left < rowBox.left - 0.5 || box.right > rowBox.right + 0.5,
      };
    }),
  );
}

/** The forecast list's hour headings, as shown. */
export function readHourHeadings(page: Page): Promise<string[]> {
  return page.evaluate(() => [...document.querySelectorAll<HTMLElement>('.ew-forecast-hour')].map((heading) => (heading.textContent ?? '').trim()));
}

/** Day labels over the strips ("Holiday", "Make-up workday") cut or sticking out of their strip. */
export function readCutDayLabels(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.ew-strip-day-label')]
      .filter((label) => {
        const track = label.closest('.ew-strip-track')!.getBoundingClientRect();
        const box = label.getBoundingClientRect();
        return label.scrollWidth > label.clientWidth + 1 || box.left < track.left - 0.5 || box.right > track.right + 0.5;
      })
      .map((label) => `${label.closest<HTMLElement>('.ew-strip-row')?.dataset.office ?? ''}: ${label.textContent ?? ''}`),
  );
}

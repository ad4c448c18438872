import type { ElementHandle, Page } from 'puppeteer-core';

/** Reads the extension's in-page UI (open shadow roots) the way a person sees it. */

export interface BadgeReading {
  classes: string[];
  state: string | null;
  error: string | null;
  text: string;
  count: number;
}

export async function readTicketBadge(page: Page): Promise<BadgeReading | null> {
  return page.evaluate(() => {
    const hosts = document.querySelectorAll('ew-ticket-badge');
    const badge = hosts[0]?.shadowRoot?.querySelector('.ew-badge');
    if (!badge) return null;
    const classes = [...badge.classList];
    return {
      classes,
      state: classes.find((c) => c.startsWith('ew-state-'))?.slice('ew-state-'.length) ?? null,
      error: classes.find((c) => c.startsWith('ew-error-'))?.slice('ew-error-'.length) ?? null,
      text: (badge.textContent ?? '').replace(/\s+/g, ' ').trim(),
      count: hosts.length,
    };
  });
}

/** Polls from the test runner (the page runs no loop of ours) until the badge satisfies `accept`. */
export async function waitForBadge(page: Page, accept: (badge: BadgeReading) => boolean, timeoutMs = 20_000): Promise<BadgeReading> {
  const deadline = Date.now() + timeoutMs;
  let last: BadgeReading | null = null;
  while (Date.now() < deadline) {
    last = await readTicketBadge(page);
    if (last && accept(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`badge never matched; last seen: ${JSON.stringify(last)}`);
}

export async function openPanel(page: Page): Promise<{ explanation: string[]; people: string[]; timeline: string[] }> {
  // A real (trusted) click, as the engineer's, in the tab in front (a background tab renders no
  // frames, and a click waits for one).
  await page.bringToFront();
  const badge = (await page.evaluateHandle(() => document.querySelector('ew-ticket-badge')?.shadowRoot?.querySelector<HTMLElement>('.ew-badge') ?? null)).asElement() as ElementHandle<Element> | null;
  if (!badge) throw new Error('no ticket badge to open');
  await badge.click();
  await page.waitForFunction(() => Boolean(document.querySelector('ew-ticket-badge')?.shadowRoot?.querySelector('.ew-panel')), { timeout: 10_000 });
  return page.evaluate(() => {
    const root = document.querySelector('ew-ticket-badge')?.shadowRoot;
    const texts = (selector: string) => [...(root?.querySelectorAll(selector) ?? [])].map((el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim());
    return { explanation: texts('.ew-explanation li'), people: texts('.ew-person-name'), timeline: texts('.ew-timeline li') };
  });
}

export async function rowBadgeCount(page: Page): Promise<number> {
  return page.evaluate(() => [...document.querySelectorAll('ew-row-badge')].filter((host) => host.shadowRoot?.querySelector('[class*="ew-state-"]')).length);
}

/** Rows of a view that are on screen (inside the viewport) and have no row badge with a state yet. */
export async function visibleRowsWithoutBadge(page: Page, rowSelector = '[data-test-id="generic-table-row"]'): Promise<number> {
  return page.evaluate(
    (selector) =>
      [...document.querySelectorAll(selector)].filter((row) => {
        const rect = row.getBoundingClientRect();
        const onScreen = rect.bottom > 0 && rect.top < window.innerHeight && rect.height > 0;
        return onScreen && !row.querySelector('ew-row-badge')?.shadowRoot?.querySelector('[class*="ew-state-"]');
      }).length,
    rowSelector,
  );
}

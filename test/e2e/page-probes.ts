import type { Page } from 'puppeteer-core';
import { clickInShadow, inShadowRoots } from './closed-shadow';
import { waitUntil } from './harness';

/** Reads the extension's in-page UI (in closed shadow roots, see closed-shadow.ts) the way a person sees it. */

export interface BadgeReading {
  classes: string[];
  state: string | null;
  error: string | null;
  text: string;
  count: number;
}

export async function readTicketBadge(page: Page): Promise<BadgeReading | null> {
  return inShadowRoots(page, 'ew-ticket-badge', (roots) => {
    const badge = roots[0]?.querySelector('.ew-badge');
    if (!badge) return null;
    const classes = [...badge.classList];
    return {
      classes,
      state: classes.find((c) => c.startsWith('ew-state-'))?.slice('ew-state-'.length) ?? null,
      error: classes.find((c) => c.startsWith('ew-error-'))?.slice('ew-error-'.length) ?? null,
      text: (badge.textContent ?? '').replace(/\s+/g, ' ').trim(),
      count: roots.length,
    };
  });
}

/** Polls from the test runner (the page runs no loop of ours) until the badge satisfies `accept`. */
export async function waitForBadge(page: Page, accept: (badge: BadgeReading) => boolean, timeoutMs = 20_000): Promise<BadgeReading> {
  const badge = await waitUntil(() => readTicketBadge(page), (seen) => seen !== null && accept(seen), timeoutMs, 'the ticket badge to match', 50);
  return badge as BadgeReading; // accepted, so not null
}

export async function openPanel(page: Page): Promise<{ explanation: string[]; people: string[]; timeline: string[] }> {
  // A real (trusted) click, as the engineer's.
  if (!(await clickInShadow(page, 'ew-ticket-badge', (roots) => roots[0]?.querySelector('.ew-badge')))) throw new Error('no ticket badge to open');
  await waitUntil(() => inShadowRoots(page, 'ew-ticket-badge', (roots) => Boolean(roots[0]?.querySelector('.ew-panel'))), (open) => open, 10_000, 'the panel to open');
  return inShadowRoots(page, 'ew-ticket-badge', (roots) => {
    const texts = (selector: string) => [...(roots[0]?.querySelectorAll(selector) ?? [])].map((el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim());
    return { explanation: texts('.ew-explanation li'), people: texts('.ew-person-name'), timeline: texts('.ew-timeline li') };
  });
}

export async function rowBadgeCount(page: Page): Promise<number> {
  return inShadowRoots(page, 'ew-row-badge', (roots) => roots.filter((root) => root.querySelector('[class*="ew-state-"]')).length);
}

/** Rows of a view that are on screen (inside the viewport) and have no row badge with a state yet. */
export async function visibleRowsWithoutBadge(page: Page, rowSelector = '[data-test-id="generic-table-row"]'): Promise<number> {
  return inShadowRoots(
    page,
    'ew-row-badge',
    (roots, selector) => {
      const badged = new Set(roots.filter((root) => root.querySelector('[class*="ew-state-"]')).map((root) => root.host.closest(selector)));
      return [...document.querySelectorAll(selector)].filter((row) => {
        const rect = row.getBoundingClientRect();
        const onScreen = rect.bottom > 0 && rect.top < window.innerHeight && rect.height > 0;
        return onScreen && !badged.has(row);
      }).length;
    },
    rowSelector,
  );
}

/** The panel's rows of people: the role's name and whether it is still pending. */
export async function panelPeople(page: Page): Promise<Array<{ name: string; pending: boolean }>> {
  return inShadowRoots(page, 'ew-ticket-badge', (roots) =>
    [...(roots[0]?.querySelectorAll('.ew-person') ?? [])].map((row) => ({
      name: (row.querySelector('.ew-person-name')?.textContent ?? '').replace(/\s+/g, ' ').trim(),
      pending: row.classList.contains('ew-person-pending'),
    })),
  );
}

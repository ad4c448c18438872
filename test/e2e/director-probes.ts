import type { Page } from 'puppeteer-core';
import { inShadowRoots } from './closed-shadow';
import { waitUntil } from './harness';

/**
 * Probes for the on-duty Escalation Director an acknowledgement timeout added to the people to
 * notify (issue 15 item 6): the panel's people list and the popup's row, as the engineer reads them.
 */

export interface ListedPerson {
  /** "On-duty Escalation Director · Erin Director" in the panel; the full line (its tooltip) in the popup. */
  who: string;
  /** The "added: Level 2 not acknowledged after 15 min" mark, '' when none. */
  added: string;
  pending: boolean;
}

/** The open panel's people to notify. */
export function panelPeopleListed(page: Page): Promise<ListedPerson[]> {
  return inShadowRoots(page, 'ew-ticket-badge', (roots) =>
    [...(roots[0]?.querySelectorAll('.ew-person') ?? [])].map((row) => ({
      who: (row.querySelector('.ew-person-name')?.textContent ?? '').replace(/\s+/g, ' ').trim(),
      added: (row.querySelector('[data-ew="added-by-timeout"]')?.textContent ?? '').replace(/\s+/g, ' ').trim(),
      pending: row.classList.contains('ew-person-pending'),
    })),
  );
}

/**
 * Turns an extension page (options.html) into the toolbar popup (popup.html) by navigating from
 * inside it — Firefox's BiDi does not navigate extension pages — at the popup's size, and waits
 * for the ticket's row. Returns the people still to tell on that row.
 */
export async function popupPeopleOf(extensionPage: Page, ticketId: string): Promise<ListedPerson[]> {
  await extensionPage.setViewport({ width: 460, height: 600 });
  await extensionPage
    .evaluate(() => {
      location.href = '/popup.html';
    })
    .catch(() => undefined); // the document goes away under the call
  const read = () =>
    extensionPage
      .evaluate((id) => {
        if (!location.pathname.endsWith('/popup.html') || document.readyState !== 'complete') return null;
        const row = [...document.querySelectorAll('.ew-row')].find((el) => el.querySelector('.ew-row-title')?.textContent?.includes(id));
        if (!row) return null;
        return [...row.querySelectorAll('.ew-person')].map((person) => ({
          who: (person.querySelector('.ew-person-who')?.getAttribute('title') ?? '').trim(),
          added: (person.querySelector('[data-ew="added-by-timeout"]')?.textContent ?? '').replace(/\s+/g, ' ').trim().replace(/^· /, ''),
          pending: true,
        }));
      }, ticketId)
      .catch(() => null);
  return (await waitUntil(read, (people) => people !== null && people.length > 0, 15_000, `the popup's row of ${ticketId}`))!;
}

/** Back from the popup to the options page at a tab (the hash), from inside. */
export async function backToOptions(extensionPage: Page, tab: string): Promise<void> {
  await extensionPage.setViewport({ width: 1100, height: 900 });
  await extensionPage
    .evaluate((hash) => {
      location.href = `/options.html#${hash}`;
    }, tab)
    .catch(() => undefined);
  await waitUntil(
    () => extensionPage.evaluate(() => location.pathname.endsWith('/options.html') && document.readyState === 'complete').catch(() => false),
    (ready) => ready,
    15_000,
    'the options page again',
  );
}

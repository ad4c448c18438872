import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoDirectory } from '../../scripts/demo-directory';
import { DEMO_HOST } from '../../scripts/sample-truth';
import samplePolicy from '../fixtures/policy.sample.json';
import { sampleTickets } from '../simulator/seed';
import type { HelpdeskSimulator } from '../simulator/server';
import { openExtensionPage, seedStorage, storedTickets } from './extension-probes';
import { browsersAvailable, launchChromium, screenshot, startSimulator, waitUntil, type ChromiumSession } from './harness';
import { settledRowStates } from './view-truth-probes';

/**
 * Issue 11: long role and person names in the popup. Rows of the windowed list have fixed
 * heights, so a name that does not fit is cut with an ellipsis — never silently: the line's
 * tooltip carries the full text. Every action of a row with two or more roles to tell stays in
 * view at 100 %, 125 % and 150 % zoom (Chromium's popup is at most 800 × 600 device pixels).
 * Screenshots: test-results/screenshots/popup-long-names-*.png.
 */

const LONG_ROLE = 'Regional Escalation Director (APAC)';
const LONG_NAME = 'Maximiliana Fernández-Oyelaran';
const person = (name: string) => ({ name, email: `${name.toLowerCase().normalize('NFD').replace(/[^a-z]+/g, '.')}@example.com` });
const POLICY = {
  ...samplePolicy,
  roles: {
    ...samplePolicy.roles,
    'sales-rep': { ...samplePolicy.roles['sales-rep'], name: 'Strategic Account Sales Representative' },
    'district-sales-manager': { ...samplePolicy.roles['district-sales-manager'], name: 'District Sales Manager, Greater China' },
    'escalation-director': { ...samplePolicy.roles['escalation-director'], name: LONG_ROLE },
  },
};
const DIRECTORY = {
  ...demoDirectory,
  roles: {
    ...demoDirectory.roles,
    'district-sales-manager': { '*': [person('Bartholomew Achterberg-Nakamura'), person('Oluwaseun Kristiansen-Delacroix')] },
  },
  salesReps: demoDirectory.salesReps.map((rep) => ({ ...rep, person: person(LONG_NAME) })),
};

let sim: HelpdeskSimulator;
let chromium: ChromiumSession;

interface NameFit {
  id: string;
  roles: number;
  /** Actions (buttons, links) outside the row or the popup. */
  outOfView: string[];
  /** Texts cut (ellipsis) whose tooltip does not carry them whole. */
  silentlyCut: string[];
  /** Texts cut with their full text in the tooltip (fine, reported for the record). */
  cutWithTooltip: string[];
}

/** Every popup row with two or more roles to tell: whether its actions are in view, and whether any name is cut without a tooltip. */
async function nameFits(popup: Page): Promise<NameFit[]> {
  return popup.evaluate(() => {
    const rows = [...document.querySelectorAll<HTMLElement>('.ew-list-item')].filter((item) => item.querySelectorAll('.ew-mark').length >= 2);
    return rows.map((row) => {
      row.scrollIntoView({ block: 'start' });
      const box = row.getBoundingClientRect();
      const actions = [...row.querySelectorAll<HTMLElement>('.ew-mark, .ew-row-actions .ew-button, .ew-link')];
      const outOfView = actions
        .filter((action) => {
          const r = action.getBoundingClientRect();
          return r.width === 0 || r.left < box.left || r.right > box.right + 0.5 || r.top < box.top || r.bottom > box.bottom + 0.5 || r.right > window.innerWidth + 0.5;
        })
        .map((action) => action.textContent ?? '');
      const tooltipOf = (element: HTMLElement): string => element.closest<HTMLElement>('[title]')?.title ?? '';
      const texts = [...row.querySelectorAll<HTMLElement>('.ew-person-role, .ew-person-name, .ew-notified, .ew-fact')];
      const cut = texts.filter((element) => element.scrollWidth > element.clientWidth + 1);
      const full = (element: HTMLElement) => (element.textContent ?? '').replace(/^✓ /, '').trim();
      return {
        id: row.querySelector('.ew-ticket-id')?.textContent ?? '',
        roles: row.querySelectorAll('.ew-mark').length,
        outOfView,
        silentlyCut: cut.filter((element) => !tooltipOf(element).includes(full(element))).map(full),
        cutWithTooltip: cut.filter((element) => tooltipOf(element).includes(full(element))).map(full),
      };
    });
  });
}

describe.skipIf(!browsersAvailable().chromium)('Popup rows with long role and person names (Chromium)', () => {
  beforeAll(async () => {
    sim = await startSimulator();
    chromium = await launchChromium(sim);
    await seedStorage(chromium, 'local', 'userPolicy', { policy: POLICY, savedAt: new Date().toISOString() });
    await seedStorage(chromium, 'local', 'peopleDirectory', DIRECTORY);
  });
  afterAll(async () => {
    await chromium?.close();
    await sim?.close();
  });

  it('every action stays in view and no name is cut without its full text in a tooltip, at 100 %, 125 % and 150 % zoom', async () => {
    const view = await chromium.browser.newPage();
    await view.setViewport({ width: 1280, height: 1200 });
    await view.goto(`https://${DEMO_HOST}/agent/filters/1`);
    const ids = sampleTickets().map((seed) => String(seed.id));
    await settledRowStates(view, ids);
    await waitUntil(() => storedTickets(chromium), (store) => Object.keys(store).length >= ids.length - 1, 30_000, 'the view\'s tickets watched');

    for (const factor of [1, 1.25, 1.5]) {
      // Browser zoom in a popup: the same 440 CSS px wide body, up to 800 × 600 device pixels in all.
      const popup = await openExtensionPage(chromium, 'popup.html', { width: Math.min(440, Math.floor(800 / factor)), height: Math.floor(600 / factor), deviceScaleFactor: factor } as never);
      await popup.waitForSelector('.ew-list-item .ew-mark');
      const fits = await waitUntil(() => nameFits(popup), (all) => all.length > 0, 15_000, `popup rows with two or more roles at ${factor * 100} %`);
      await popup.evaluate(() => {
        const row = [...document.querySelectorAll<HTMLElement>('.ew-list-item')].find((item) => item.textContent?.includes('Regional Escalation Director'));
        row?.scrollIntoView({ block: 'start' });
      });
      await screenshot(popup, `popup-long-names-${factor * 100}pct`);
      expect(fits.some((fit) => fit.roles >= 2)).toBe(true);
      expect(fits.flatMap((fit) => fit.outOfView), `actions out of view at ${factor * 100} %`).toEqual([]);
      expect(fits.flatMap((fit) => fit.silentlyCut), `names cut without a tooltip at ${factor * 100} %`).toEqual([]);
      await popup.close();
    }
    await view.close();
  });
});

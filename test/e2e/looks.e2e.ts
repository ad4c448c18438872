import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoDirectory } from '../../scripts/demo-directory';
import type { HelpdeskSimulator } from '../simulator/server';
import { openExtensionPage, seedStorage, setAckNoteMode, storedTickets } from './extension-probes';
import { browsersAvailable, launchChromium, screenshot, startSimulator, waitUntil, type ChromiumSession } from './harness';
import { inShadowRoots } from './closed-shadow';
import { openPanel, waitForBadge } from './page-probes';

/**
 * Issue 11 item 5, "finished looks", in real Chromium, with screenshots in test-results/screenshots/
 * (looks-*.png) to look at: view row badges are never clipped at 100 %, 125 % and 150 % zoom, with
 * long texts ("overdue 3 d 12 h"); a popup row with two or more roles to tell keeps every action
 * in view; "Mark notified" (an action) and "Sales Rep notified 10:05" (a fact) look different;
 * the note setting reads as a setting; people are named, or "nobody in the directory" is said.
 */

const HOST = 'acme.zendesk.com';
/** The demo's directory without a District Sales Manager: a level-3 ticket then shows "nobody". */
const DIRECTORY = { ...demoDirectory, roles: Object.fromEntries(Object.entries(demoDirectory.roles).filter(([role]) => role !== 'district-sales-manager')) };

let sim: HelpdeskSimulator;
let chromium: ChromiumSession;

/** Browser zoom as Chromium does it: fewer CSS pixels across, each drawn with more device pixels. */
async function zoom(page: Page, factor: number): Promise<void> {
  await page.setViewport({ width: Math.round(1280 / factor), height: Math.round(900 / factor), deviceScaleFactor: factor });
}

interface RowBadgeFit {
  text: string;
  state: string;
  /** The badge's content is wider than its box (the words are cut). */
  clipped: boolean;
  /** The badge reaches past the table cell that holds it. */
  outsideCell: boolean;
}

/** Every row badge on screen: its words, and whether any of them are cut off. */
async function rowBadgeFits(page: Page): Promise<RowBadgeFit[]> {
  return inShadowRoots(page, 'ew-row-badge', (roots) =>
    roots.flatMap((root) => {
      const host = root.host;
      const badge = root.querySelector<HTMLElement>('.ew-row-badge');
      const cell = host.parentElement;
      if (!badge || !cell) return [];
      const rect = host.getBoundingClientRect();
      if (rect.bottom < 0 || rect.top > window.innerHeight) return [];
      const badgeRect = badge.getBoundingClientRect();
      const cellRect = cell.getBoundingClientRect();
      return [
        {
          text: (badge.textContent ?? '').replace(/\s+/g, ' ').trim(),
          state: [...badge.classList].find((name) => name.startsWith('ew-state-'))?.slice('ew-state-'.length) ?? '',
          clipped: badge.scrollWidth > badge.clientWidth + 1 || badgeRect.right > rect.right + 1,
          outsideCell: badgeRect.right > cellRect.right + 1 || badgeRect.left < cellRect.left - 1,
        },
      ];
    }),
  );
}

describe.skipIf(!browsersAvailable().chromium)('Finished looks (Chromium), with screenshots', () => {
  beforeAll(async () => {
    sim = await startSimulator();
    chromium = await launchChromium(sim);
    await seedStorage(chromium, 'local', 'peopleDirectory', DIRECTORY);
    await setAckNoteMode(chromium, 'ask');
  });
  afterAll(async () => {
    await chromium?.close();
    await sim?.close();
  });

  it('view row badges are never clipped at 100 %, 125 % and 150 % zoom, long texts included', async () => {
    const page = await chromium.browser.newPage();
    await zoom(page, 1);
    // View 100: a hundred tickets opened up to five days ago, many unanswered: "overdue 3 d 12 h".
    await page.goto(`https://${HOST}/agent/filters/100`);
    const settled = await waitUntil(
      () => rowBadgeFits(page),
      (fits) => fits.length >= 10 && fits.every((fit) => fit.state !== '' && fit.state !== 'checking'),
      60_000,
      'every row badge on screen with its true state',
    );
    expect(settled.some((fit) => /overdue \d+ d \d\d h/.test(fit.text)), JSON.stringify(settled.map((fit) => fit.text))).toBe(true);
    for (const factor of [1, 1.25, 1.5]) {
      await zoom(page, factor);
      const fits = await waitUntil(() => rowBadgeFits(page), (all) => all.length > 0, 10_000, `row badges at ${factor * 100} %`);
      await screenshot(page, `looks-view-rows-${factor * 100}pct`);
      expect(
        fits.filter((fit) => fit.clipped || fit.outsideCell),
        `clipped row badges at ${factor * 100} %`,
      ).toEqual([]);
    }
    await page.close();
  });

  it('the ticket panel names who to tell, or says the directory has nobody', async () => {
    const page = await chromium.browser.newPage();
    await zoom(page, 1);
    // Sample #35436 (Globex, Sev 1, level 2): its Sales Rep is Jane Doe in the demo directory.
    await page.goto(`https://${HOST}/agent/tickets/35436`);
    const badge = await waitForBadge(page, (reading) => reading.state !== null);
    // The badge names whom to tell, after its clocks.
    expect(badge.text).toContain('tell Jane Doe');
    const panel = await openPanel(page);
    await screenshot(page, 'looks-panel-people');
    expect(panel.people.join(' | ')).toContain('Sales Rep · Jane Doe');
    await page.close();
  });

  it('popup: every action of a row with several roles is in view; actions and facts look different; the note setting is a setting', async () => {
    await waitUntil(() => storedTickets(chromium), (store) => Object.keys(store).length >= 10, 30_000, 'tickets from the view watched');
    const popup = await openExtensionPage(chromium, 'popup.html', { width: 440, height: 600 });
    await popup.waitForSelector('.ew-list-item');
    // The first row with two or more roles still to tell.
    const fit = await waitUntil(
      () =>
        popup.evaluate(() => {
          const row = [...document.querySelectorAll<HTMLElement>('.ew-list-item')].find((item) => item.querySelectorAll('.ew-mark').length >= 2);
          if (!row) return null;
          row.scrollIntoView({ block: 'start' });
          const box = row.getBoundingClientRect();
          const actions = [...row.querySelectorAll<HTMLElement>('.ew-mark, .ew-row-actions .ew-button, .ew-link')];
          return {
            id: row.querySelector('.ew-ticket-id')?.textContent ?? '',
            roles: row.querySelectorAll('.ew-mark').length,
            people: [...row.querySelectorAll('.ew-person-who')].map((who) => (who.textContent ?? '').trim()),
            outOfView: actions
              .filter((action) => {
                const r = action.getBoundingClientRect();
                return r.width === 0 || r.left < box.left || r.right > box.right + 0.5 || r.top < box.top || r.bottom > box.bottom + 0.5 || r.right > window.innerWidth;
              })
              .map((action) => action.textContent),
          };
        }),
      (value) => value !== null,
      15_000,
      'a popup row with two or more roles to tell',
    );
    await screenshot(popup, 'looks-popup-several-roles');
    expect(fit?.roles).toBeGreaterThanOrEqual(2);
    expect(fit?.outOfView).toEqual([]);
    // People are named; a role nobody holds says so.
    expect(fit?.people.join(' | ')).toMatch(/Sales Rep · \S/);
    expect(fit?.people.join(' | ')).toContain('District Sales Manager · nobody in the directory');

    // Mark the first role of that row notified: it becomes a fact, plain text, not a button.
    await popup.click(`.ew-list-item:has(#ew-row-zendesk-${fit?.id}) .ew-mark`);
    const looks = await waitUntil(
      () =>
        popup.evaluate((id) => {
          const row = document.getElementById(`ew-row-zendesk-${id}`)?.closest('.ew-list-item');
          const fact = row?.querySelector<HTMLElement>('.ew-fact');
          const action = row?.querySelector<HTMLElement>('.ew-mark');
          if (!row || !fact || !action) return null;
          row.scrollIntoView({ block: 'start' });
          const style = (element: HTMLElement) => {
            const computed = getComputedStyle(element);
            return { tag: element.tagName, background: computed.backgroundColor, border: computed.borderTopStyle, weight: computed.fontWeight };
          };
          return { fact: style(fact), factText: fact.textContent ?? '', action: style(action) };
        }, fit?.id),
      (value) => value !== null,
      15_000,
      'the role told shown as a fact',
    );
    await screenshot(popup, 'looks-popup-action-and-fact');
    expect(looks?.factText).toMatch(/notified \d\d:\d\d/);
    expect(looks?.action.tag).toBe('BUTTON');
    expect(looks?.fact.tag).not.toBe('BUTTON');
    expect(looks?.fact.background).toBe('rgba(0, 0, 0, 0)');
    expect(looks?.action.background).not.toBe('rgba(0, 0, 0, 0)');
    expect(looks?.fact.border).toBe('none');

    // The note setting ("ask") is a labelled setting below the list, not a bare checkbox above it.
    const setting = await popup.evaluate(() => {
      const group = document.querySelector<HTMLElement>('fieldset.ew-setting');
      const list = document.querySelector<HTMLElement>('.ew-list-viewport');
      return group && list
        ? { legend: group.querySelector('legend')?.textContent ?? '', belowList: group.getBoundingClientRect().top >= list.getBoundingClientRect().bottom - 1 }
        : null;
    });
    await popup.evaluate(() => document.querySelector('fieldset.ew-setting')?.scrollIntoView());
    await screenshot(popup, 'looks-popup-note-setting');
    expect(setting).toEqual({ legend: 'Setting', belowList: true });
    await popup.close();
  });
});

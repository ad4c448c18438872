import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_HOST, sampleTruth } from '../../scripts/sample-truth';
import { sampleTickets } from '../simulator/seed';
import type { HelpdeskSimulator } from '../simulator/server';
import { inExtension, openExtensionPage, storedTickets } from './extension-probes';
import { browsersAvailable, launchChromium, screenshot, startSimulator, waitUntil, type ChromiumSession } from './harness';
import { settledRowStates } from './view-truth-probes';

/**
 * Issue 11: stopping watching lasts. In the popup, "Stop watching view tickets" forgets the
 * tickets a view showed, and a view read later (after a reply changed a ticket, so its history is
 * read again) still shows every row's true state but watches none of them, until "Watch them
 * again". In Chromium (the popup is an extension page; Firefox's WebDriver BiDi does not open
 * moz-extension:// pages).
 */

const VIEW = `https://${DEMO_HOST}/agent/filters/1`;
const IDS = sampleTickets().map((seed) => String(seed.id));

let sim: HelpdeskSimulator;
let chromium: ChromiumSession;

const watchedCount = async () => Object.keys(await storedTickets(chromium)).length;
const truthNow = async () => Object.fromEntries((await sampleTruth(sim, new Date(), IDS)).map(({ id, evaluation }) => [id, evaluation.state]));

/** Adds an agent reply to a sample ticket now (its updated_at moves, so a view reads its history again). */
function replyTo(id: string): void {
  const ticket = sim.tickets.get(Number(id));
  if (!ticket) throw new Error(`no sample ticket ${id}`);
  ticket.events.push({ atMin: sim.clock.minutesOf(new Date()), type: 'agentReply', body: 'Update: still investigating.' });
}

async function openView(): Promise<Page> {
  const view = await chromium.browser.newPage();
  await view.setViewport({ width: 1280, height: 1200 });
  await view.goto(VIEW);
  return view;
}

describe.skipIf(!browsersAvailable().chromium)('Stop watching view tickets lasts (Chromium)', () => {
  beforeAll(async () => {
    sim = await startSimulator();
    chromium = await launchChromium(sim);
  });
  afterAll(async () => {
    await chromium?.close();
    await sim?.close();
  });

  it('after "Stop watching view tickets", a later view read tells the truth but watches nothing, until "Watch them again"', async () => {
    const first = await openView();
    await settledRowStates(first, IDS);
    await waitUntil(watchedCount, (count) => count >= IDS.length - 1, 30_000, 'the view\'s tickets watched');
    await first.close();

    const popup = await openExtensionPage(chromium, 'popup.html');
    const stop = await popup.waitForSelector('.ew-forget-view');
    await stop?.click();
    await waitUntil(watchedCount, (count) => count === 0, 10_000, 'the view tickets forgotten');
    await popup.waitForSelector('.ew-view-tickets-stopped');
    await screenshot(popup, 'popup-view-tickets-stopped');
    expect(await popup.$eval('.ew-view-tickets-stopped', (element) => element.textContent)).toContain('Tickets that views show are not watched.');
    const setting = await inExtension(chromium, async () => ((await chrome.storage.sync.get('generalSettings')).generalSettings as { watchViewTickets?: boolean }).watchViewTickets);
    expect(setting).toBe(false);

    // A reply moves one ticket's version: the view reads its history again, shows the truth, and watches nothing.
    replyTo(IDS[0] as string);
    const again = await openView();
    const { states } = await settledRowStates(again, IDS);
    expect(states).toEqual(await truthNow());
    expect(await watchedCount()).toBe(0);
    await again.close();

    // "Watch them again": the next view read watches its tickets.
    await popup.click('.ew-view-tickets-stopped .ew-link');
    await waitUntil(
      () => inExtension(chromium, async () => ((await chrome.storage.sync.get('generalSettings')).generalSettings as { watchViewTickets?: boolean }).watchViewTickets),
      (value) => value === true,
      10_000,
      'view tickets watched again',
    );
    const third = await openView();
    await settledRowStates(third, IDS);
    await waitUntil(watchedCount, (count) => count >= IDS.length - 1, 30_000, 'the view\'s tickets watched again');
    await third.close();
    await popup.close();
  });
});

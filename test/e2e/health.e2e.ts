import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HelpdeskSimulator } from '../simulator/server';
import { inExtension, openExtensionPage } from './extension-probes';
import { browsersAvailable, launchChromium, screenshot, startSimulator, waitUntil, type ChromiumSession } from './harness';
import { waitForBadge } from './page-probes';

/**
 * Issue 12, item 7, as an engineer sees it: after a ticket was read, the options page's Health
 * tab shows the background's last wake and its next alarm, read from `storage.local` `health`.
 */

let sim: HelpdeskSimulator;
let chromium: ChromiumSession;

interface StoredHealth {
  lastWakeAt: string | null;
  nextAlarmAt: string | null;
}

describe.skipIf(!browsersAvailable().chromium)('Health tab in Chromium', () => {
  beforeAll(async () => {
    sim = await startSimulator();
    chromium = await launchChromium(sim);
  });
  afterAll(async () => {
    await chromium?.close();
    await sim?.close();
  });

  it('shows the last wake and the next alarm the background recorded', async () => {
    const page = await chromium.browser.newPage();
    await page.goto('https://acme.zendesk.com/agent/tickets/35436');
    await waitForBadge(page, (badge) => badge.state !== null);
    const health = await waitUntil(
      () => inExtension(chromium, async () => ((await chrome.storage.local.get('health')).health ?? null) as StoredHealth | null),
      (value) => value?.lastWakeAt != null && value.nextAlarmAt != null,
      15_000,
      'a wake recorded in storage.local health',
    );
    expect(Date.parse(health?.nextAlarmAt ?? '')).toBeGreaterThan(Date.parse(health?.lastWakeAt ?? ''));
    await page.close();

    const options = await openExtensionPage(chromium, 'options.html', { width: 900, height: 900 });
    await options.waitForSelector('#ew-tab-health');
    await options.click('#ew-tab-health'); // a real click, as the engineer would
    await options.waitForSelector('[data-health="last-wake"]');
    const shown = await options.$$eval('[data-health="last-wake"], [data-health="next-alarm"]', (cells) => cells.map((cell) => cell.textContent ?? ''));
    expect(shown).toHaveLength(2);
    for (const text of shown) expect(text).not.toBe('not yet');
    await screenshot(options, 'options-health');
    await options.close();
  }, 90_000);
});

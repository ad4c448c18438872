import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HelpdeskSimulator } from '../simulator/server';
import { browsersAvailable, launchChromium, screenshot, startSimulator, waitUntil, type ChromiumSession } from './harness';
import { openPanel, rowBadgeCount, waitForBadge } from './page-probes';

const JIRA = 'https://acme.atlassian.net';
let sim: HelpdeskSimulator;
let chromium: ChromiumSession;

describe.skipIf(!browsersAvailable().chromium)('Jira Cloud and JSM in Chromium', () => {
  beforeAll(async () => {
    sim = await startSimulator();
    chromium = await launchChromium(sim);
  });
  afterAll(async () => {
    await chromium?.close();
    await sim?.close();
  });

  it('shows the Highest-priority issue at level 2 with the Sales Rep to notify', async () => {
    const page = await chromium.browser.newPage();
    const started = Date.now();
    await page.goto(`${JIRA}/browse/SUP-5436`);
    const badge = await waitForBadge(page, (b) => b.state !== null);
    console.log(`[measure] Chromium Jira navigation → badge: ${Date.now() - started} ms`);
    expect(badge.state).toBe('notify');
    expect(badge.text).toMatch(/Sev 1/);
    expect(badge.text).toMatch(/Sales Rep/);
    const panel = await openPanel(page);
    expect(panel.people.join(' ')).toMatch(/Sales Rep/);
    await screenshot(page, 'jira-panel');
    await page.close();
  });

  it('reads a raised issue from its changelog and says the clock restarted', async () => {
    const page = await chromium.browser.newPage();
    await page.goto(`${JIRA}/browse/SUP-5442`);
    await waitForBadge(page, (b) => b.state !== null);
    const panel = await openPanel(page);
    expect(panel.explanation.join(' ')).toMatch(/raised from Sev 3/);
    await page.close();
  });

  it('follows the JSM queue into an issue and back, badging queue rows', async () => {
    const page = await chromium.browser.newPage();
    await page.goto(`${JIRA}/jira/servicedesk/projects/SUP/queues/custom/1`);
    await page.waitForSelector('[data-testid="servicedesk-queues.common.ui.queue-table.row"]');
    await waitUntil(() => rowBadgeCount(page), (count) => count >= 5, 20_000, 'five queue-row badges');
    await screenshot(page, 'jira-queue');
    await page.click('a[href$="/SUP-5438"]');
    const paused = await waitForBadge(page, (b) => b.state === 'paused');
    expect(paused.text).toMatch(/Sev 2/);
    expect(paused.count).toBe(1);
    await page.close();
  });
});

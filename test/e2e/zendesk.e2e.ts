import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HelpdeskSimulator } from '../simulator/server';
import { browsersAvailable, launchChromium, screenshot, startSimulator, waitUntil, type ChromiumSession } from './harness';
import { openPanel, readTicketBadge, rowBadgeCount, visibleRowsWithoutBadge, waitForBadge } from './page-probes';

const ZD = 'https://acme.zendesk.com';
let sim: HelpdeskSimulator;
let chromium: ChromiumSession;

describe.skipIf(!browsersAvailable().chromium)('Zendesk Agent Workspace in Chromium', () => {
  beforeAll(async () => {
    sim = await startSimulator();
    chromium = await launchChromium(sim);
  });
  afterAll(async () => {
    await chromium?.close();
    await sim?.close();
  });

  it('shows the Sev 1 ticket at level 2 with the Sales Rep to notify, and its panel', async () => {
    const page = await chromium.browser.newPage();
    const started = Date.now();
    await page.goto(`${ZD}/agent/tickets/35436`);
    const badge = await waitForBadge(page, (b) => b.state !== null);
    console.log(`[measure] Chromium navigation → badge: ${Date.now() - started} ms`);
    expect(badge.state).toBe('notify');
    expect(badge.text).toMatch(/Sev 1/);
    expect(badge.text).toMatch(/L2/);
    expect(badge.text).toMatch(/Sales Rep/);
    await screenshot(page, 'zendesk-badge');
    const panel = await openPanel(page);
    expect(panel.people.join(' ')).toMatch(/Sales Rep/);
    expect(panel.explanation.join(' ')).toMatch(/Sev 1/);
    expect(panel.timeline.length).toBe(5);
    await screenshot(page, 'zendesk-panel');
    await page.close();
  });

  it('follows the single-page app from one ticket to the next without a second badge', async () => {
    const page = await chromium.browser.newPage();
    await page.goto(`${ZD}/agent/tickets/35436`);
    await waitForBadge(page, (b) => b.state === 'notify');
    await page.click('[role="tab"][data-entity-id="35438"]');
    const paused = await waitForBadge(page, (b) => b.state === 'paused');
    expect(paused.text).toMatch(/Sev 2/);
    expect(paused.count).toBe(1);
    await page.click('[role="tab"][data-entity-id="35441"]');
    expect((await waitForBadge(page, (b) => b.state === 'stopped')).count).toBe(1);
    await page.close();
  });

  it('puts a badge on the rows of a 1,000-row view, fetched in batches of at most 100', async () => {
    const page = await chromium.browser.newPage();
    const before = sim.requests.length;
    await page.goto(`${ZD}/agent/filters/1000`);
    await page.waitForSelector('[data-test-id="generic-table-row"]');
    const start = await page.metrics();
    await waitUntil(() => rowBadgeCount(page), (count) => count >= 10, 20_000, 'ten row badges');
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight / 2));
    // Scrolled halfway: the rows now on screen get their badges (read in batches as they show).
    await waitUntil(() => visibleRowsWithoutBadge(page), (missing) => missing === 0, 20_000, 'badges on the rows scrolled into view');
    const end = await page.metrics();
    const showMany = sim.requests.slice(before).filter((r) => r.path.includes('show_many'));
    expect(showMany.length).toBeGreaterThan(0);
    for (const request of showMany) expect(new URL(request.path, ZD).searchParams.get('ids')?.split(',').length).toBeLessThanOrEqual(100);
    console.log(`[measure] 1,000-row view: script ${(((end.ScriptDuration ?? 0) - (start.ScriptDuration ?? 0)) * 1000).toFixed(0)} ms, tasks ${(((end.TaskDuration ?? 0) - (start.TaskDuration ?? 0)) * 1000).toFixed(0)} ms on the main thread while badges loaded and the view scrolled; ${showMany.length} show_many calls`);
    await screenshot(page, 'zendesk-view');
    await page.close();
  });

  it('asks the agent to sign in on 401 and says nothing on 404', async () => {
    const page = await chromium.browser.newPage();
    sim.addFault({ pathIncludes: '/api/v2/tickets/35439', status: 401, times: 20 });
    await page.goto(`${ZD}/agent/tickets/35439`);
    const signIn = await waitForBadge(page, (b) => b.error !== null);
    expect(signIn.error).toBe('signIn');
    sim.clearFaults();
    await page.goto(`${ZD}/agent/tickets/99999`);
    // The content script marks its decision; only then does "no badge" mean anything.
    await page.waitForFunction(() => performance.getEntriesByName('ew:nothing:99999', 'mark').length > 0, { timeout: 20_000 });
    expect(await readTicketBadge(page)).toBeNull();
    await page.close();
  });

  it('retries a failing API (500, then 429 with Retry-After) and still shows the ticket', async () => {
    const page = await chromium.browser.newPage();
    sim.addFault({ pathIncludes: '/api/v2/tickets/35437.json', status: 500, times: 1 });
    sim.addFault({ pathIncludes: '/api/v2/tickets/35437.json', status: 429, times: 1, retryAfter: 1 });
    await page.goto(`${ZD}/agent/tickets/35437`);
    const badge = await waitForBadge(page, (b) => b.state !== null, 30_000);
    expect(badge.text).toMatch(/Sev 1/);
    await page.close();
  });

  it('still works from the API when the page lacks the expected fields', async () => {
    const page = await chromium.browser.newPage();
    sim.config.pageShape = 'changed';
    try {
      await page.goto(`${ZD}/agent/tickets/35442`);
      const badge = await waitForBadge(page, (b) => b.state !== null);
      expect(badge.text).toMatch(/Sev 1/);
      await screenshot(page, 'zendesk-changed-page');
    } finally {
      sim.config.pageShape = 'normal';
      await page.close();
    }
  });
});

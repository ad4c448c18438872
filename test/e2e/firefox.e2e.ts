import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HelpdeskSimulator } from '../simulator/server';
import { browsersAvailable, launchFirefox, screenshot, startSimulator, type FirefoxSession } from './harness';
import { waitForBadge } from './page-probes';

/** The Firefox (MV2) build on the simulated Zendesk, reached through the simulator's proxy. */

let sim: HelpdeskSimulator;
let firefox: FirefoxSession;

describe.skipIf(!browsersAvailable().firefox)('Zendesk in Firefox', () => {
  beforeAll(async () => {
    sim = await startSimulator();
    firefox = await launchFirefox(sim);
  });
  afterAll(async () => {
    await firefox?.close();
    await sim?.close();
  });

  it('shows the Sev 1 ticket at level 2 with the Sales Rep to notify', async () => {
    const page = await firefox.browser.newPage();
    const started = Date.now();
    await page.goto('https://acme.zendesk.com/agent/tickets/35436');
    const badge = await waitForBadge(page, (b) => b.state !== null, 30_000);
    console.log(`[measure] Firefox navigation → badge: ${Date.now() - started} ms`);
    expect(badge.state).toBe('notify');
    expect(badge.text).toMatch(/Sev 1/);
    expect(badge.text).toMatch(/L2/);
    expect(badge.text).toMatch(/Sales Rep/);
    expect(badge.count).toBe(1);
    await screenshot(page, 'firefox-zendesk-badge');
    await page.close();
  });
});

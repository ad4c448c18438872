import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HelpdeskSimulator } from '../simulator/server';
import { browsersAvailable, launchChromium, launchFirefox, screenshot, startSimulator } from './harness';
import { openPanel, waitForBadge } from './page-probes';

const available = browsersAvailable();
let sim: HelpdeskSimulator;

beforeAll(async () => {
  sim = await startSimulator();
});
afterAll(() => sim?.close());

describe.skipIf(!available.chromium)('Chromium loads the production build', () => {
  it('starts the service worker and asks only for the helpdesk hosts', async () => {
    const session = await launchChromium(sim);
    try {
      const page = await session.browser.newPage();
      await page.goto(`chrome-extension://${session.extensionId}/manifest.json`);
      const manifest = JSON.parse(await page.evaluate(() => document.body.innerText)) as { host_permissions: string[]; permissions: string[]; manifest_version: number };
      expect(manifest.manifest_version).toBe(3);
      expect(manifest.host_permissions.sort()).toEqual(['https://*.atlassian.net/*', 'https://*.zendesk.com/*']);
      expect(manifest.permissions).not.toContain('tabs');
      expect(manifest.permissions).not.toContain('<all_urls>');
      await page.goto('https://acme.zendesk.com/agent/tickets/35436', { waitUntil: 'networkidle0' });
      expect(await page.title()).toContain('35436');
    } finally {
      await session.close();
    }
  });
});

describe.skipIf(!available.firefox)('Firefox loads the production build', () => {
  it('installs the add-on and reaches the simulated helpdesk through the proxy', async () => {
    const session = await launchFirefox(sim);
    try {
      expect(session.addonId).toBe('escalation-watch@example.com');
      const page = await session.browser.newPage();
      await page.goto('https://acme.zendesk.com/agent/tickets/35437');
      await page.waitForSelector('[data-test-id="omni-header-subject"]', { timeout: 15_000 });
      expect(await page.title()).toContain('35437');
    } finally {
      await session.close();
    }
  });

  it('shows the badge and panel on a Zendesk ticket and on a Jira issue', async () => {
    const session = await launchFirefox(sim);
    try {
      const page = await session.browser.newPage();
      const started = Date.now();
      await page.goto('https://acme.zendesk.com/agent/tickets/35436');
      const badge = await waitForBadge(page, (b) => b.state !== null, 30_000);
      console.log(`[measure] Firefox navigation → badge: ${Date.now() - started} ms`);
      expect(badge.state).toBe('notify');
      expect(badge.text).toMatch(/Sev 1/);
      const panel = await openPanel(page);
      expect(panel.people.join(' ')).toMatch(/Sales Rep/);
      await screenshot(page, 'firefox-zendesk-panel');
      await page.goto('https://acme.atlassian.net/browse/SUP-5438');
      expect((await waitForBadge(page, (b) => b.state !== null, 30_000)).state).toBe('paused');
    } finally {
      await session.close();
    }
  });
});

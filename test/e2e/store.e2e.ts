import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HelpdeskSimulator } from '../simulator/server';
import { inExtension, storedTickets } from './extension-probes';
import { browsersAvailable, launchChromium, startSimulator, type ChromiumSession } from './harness';
import { waitForBadge } from './page-probes';

/**
 * Issue 11 item 7 in a real Chromium: a page's read is in storage (one key per ticket, store v4)
 * as soon as the page has its answer, so the service worker stopped right then loses nothing.
 * (Before, the write waited up to 500 ms in the worker's memory.)
 */

let sim: HelpdeskSimulator;
let chromium: ChromiumSession;

const KEY = 'zendesk:35436@https://acme.zendesk.com';

/** Stops the extension's service worker through DevTools' ServiceWorker domain, as Chrome stops an idle one; resolves once it is stopped. */
async function stopWorker(session: ChromiumSession): Promise<void> {
  const control = await session.control();
  const cdp = await control.createCDPSession();
  const stopped = new Promise<void>((resolve) => {
    cdp.on('ServiceWorker.workerVersionUpdated', (event: { versions: Array<{ runningStatus: string }> }) => {
      if (event.versions.some((version) => version.runningStatus === 'stopped')) resolve();
    });
  });
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await stopped;
  await cdp.detach();
}

describe.skipIf(!browsersAvailable().chromium)('the watched store in Chromium', () => {
  beforeAll(async () => {
    sim = await startSimulator();
    chromium = await launchChromium(sim);
  });
  afterAll(async () => {
    await chromium?.close();
    await sim?.close();
  });

  it('a ticket read by a page is in storage, under its own key, when the worker stops right after answering', async () => {
    await inExtension(chromium, () => undefined); // the control page is open before the read
    const page = await chromium.browser.newPage();
    await page.goto('https://acme.zendesk.com/agent/tickets/35436');
    await waitForBadge(page, (badge) => badge.state !== null);
    await page.close(); // nothing more from the page: no later read can store it again
    await stopWorker(chromium);
    const stored = await storedTickets(chromium);
    expect(stored[KEY]?.ticket.id).toBe('35436');
    const layout = await inExtension(chromium, async () => {
      const all = await chrome.storage.local.get(null);
      return {
        meta: all['watchedTickets$'] as { v?: number; epoch?: unknown; seq?: unknown; revs?: string } | undefined,
        legacy: 'watchedTickets' in all,
      };
    });
    expect(layout.meta?.v).toBe(4);
    expect(layout.legacy).toBe(false);
    // The entry's revision and size are in the metadata, written with it (issue 11: a new worker reads that key alone).
    expect(layout.meta?.epoch).toEqual(expect.any(String));
    expect((JSON.parse(layout.meta?.revs ?? '{}') as Record<string, unknown>)[KEY]).toEqual([layout.meta?.seq, KEY.length + JSON.stringify(stored[KEY]).length]);
  }, 90_000);
});

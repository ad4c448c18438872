import { resolve } from 'node:path';
import { seedStorage } from '../test/e2e/extension-probes';
import { launchChromium, screenshot } from '../test/e2e/harness';
import { openPanel, waitForBadge } from '../test/e2e/page-probes';
import { settledRowStates } from '../test/e2e/view-truth-probes';
import { sampleTickets } from '../test/simulator/seed';
import { startHelpdeskSimulator, type HelpdeskSimulator } from '../test/simulator/server';
import { demoDirectory } from './demo-directory';
import { sampleTable, sampleTruth } from './sample-truth';

/**
 * `npm run demo`: the built extension against the built-in demo helpdesk. With a display it opens
 * Chromium on the sample tickets and waits; without one it runs headless, saves screenshots of a
 * ticket page, a view and the popup, and prints the sample tickets' escalation state.
 */

const OUT = resolve('demo-output');
const HOST = 'acme.zendesk.com';

async function printTable(sim: HelpdeskSimulator): Promise<void> {
  const now = new Date();
  console.table(sampleTable(await sampleTruth(sim, now), demoDirectory, now));
}

async function main(): Promise<void> {
  const sim = await startHelpdeskSimulator();
  console.log(`Demo helpdesk on https://127.0.0.1:${sim.port} as https://${HOST} and https://acme.atlassian.net`);
  await printTable(sim);

  const headless = !process.env.DISPLAY || process.argv.includes('--headless');
  const session = await launchChromium(sim, { headless });
  // The people to tell, as an engineer would have entered them in the options page (People).
  await seedStorage(session, 'local', 'peopleDirectory', demoDirectory);
  const page = (await session.browser.pages())[0] ?? (await session.browser.newPage());
  await page.goto(`https://${HOST}/agent/tickets/35436`, { waitUntil: 'networkidle0' });

  if (!headless) {
    console.log('Chromium is open with the extension on the demo helpdesk. Press Ctrl-C to stop.');
    process.on('SIGINT', () => void session.close().then(() => sim.close()).then(() => process.exit(0)));
    return;
  }

  // Visit every sample ticket once so the background watches them (as an engineer's day would).
  for (const seed of sampleTickets()) {
    await page.goto(`https://${HOST}/agent/tickets/${seed.id}`, { waitUntil: 'networkidle0' });
    await waitForBadge(page, (badge) => badge.state !== null || badge.error !== null, 15_000).catch(() => undefined);
  }
  await page.goto(`https://${HOST}/agent/tickets/35436`, { waitUntil: 'networkidle0' });
  await waitForBadge(page, (badge) => badge.state !== null, 15_000);
  await openPanel(page);
  const shots = [await screenshot(page, 'ticket', OUT)];
  await page.goto(`https://${HOST}/agent/filters/1`, { waitUntil: 'networkidle0' });
  // Every row wearing its true state (no "checking" left) before the picture.
  await settledRowStates(page, sampleTickets().map((seed) => String(seed.id)));
  shots.push(await screenshot(page, 'view', OUT));
  const popup = await session.browser.newPage();
  await popup.setViewport({ width: 480, height: 640 });
  await popup.goto(`chrome-extension://${session.extensionId}/popup.html`, { waitUntil: 'networkidle0' });
  await popup.waitForFunction(() => !document.querySelector('.ew-loading'), { timeout: 15_000 });
  shots.push(await screenshot(popup, 'popup', OUT));
  console.log(`Screenshots:\n  ${shots.join('\n  ')}`);
  await session.close();
  await sim.close();
}

await main();

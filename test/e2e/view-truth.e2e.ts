import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleTruth, DEMO_HOST } from '../../scripts/sample-truth';
import { sampleTickets } from '../simulator/seed';
import type { HelpdeskSimulator } from '../simulator/server';
import { readPopupRows, POPUP_VIEWPORT } from './extension-probes';
import { browsersAvailable, launchChromium, launchFirefox, screenshot, startSimulator, waitUntil } from './harness';
import { waitForBadge } from './page-probes';
import { readRowStates, settledRowStates } from './view-truth-probes';

/**
 * Issue 11 item 6, one truth on every surface, in Chromium and Firefox. A fresh profile opens
 * the sample view first, before any ticket: every row settles on the state the engine gives the
 * ticket's full history (the demo table's computation, scripts/sample-truth.ts), showing nothing
 * but "checking" on the way; the popup lists the same states (the rows' tickets are watched);
 * each ticket's own badge says the same; the view opened again says the same at once, with no
 * history request. A reply added in the simulator reaches the row without reloading the view.
 */

const VIEW = `https://${DEMO_HOST}/agent/filters/1`;
const IDS = sampleTickets().map((seed) => String(seed.id));

let sim: HelpdeskSimulator;

async function truthNow(ids: readonly string[] = IDS): Promise<Record<string, string>> {
  return Object.fromEntries((await sampleTruth(sim, new Date(), [...ids])).map(({ id, evaluation }) => [id, evaluation.state]));
}

const auditReads = () => sim.requests.filter((request) => /\/audits\.json/.test(request.path)).length;

async function popupStates(popup: Page, expectedIds: readonly string[]): Promise<Record<string, string | null>> {
  const rows = await waitUntil(
    () => readPopupRows(popup),
    (list) => expectedIds.every((id) => list.some((row) => row.id.replace(/[^0-9]/g, '') === id)),
    30_000,
    'the popup listing every open ticket of the view',
  );
  return Object.fromEntries(rows.map((row) => [row.id.replace(/[^0-9]/g, ''), row.state]));
}

/**
 * The whole story in one browser; `openPopup` opens the extension's popup in a new page (null in
 * Firefox, whose WebDriver BiDi refuses to navigate to moz-extension:// pages; the popup renders
 * what the background answers, which is the same code in both browsers).
 */
async function oneTruth(browser: Browser, openPopup: (() => Promise<Page>) | null, name: string): Promise<void> {
  const view = await browser.newPage();
  await view.setViewport({ width: 1280, height: 1200 });
  const auditsBefore = auditReads();

  // 1. The view first, cold: "checking" until each row's history is read, then the truth.
  await view.goto(VIEW);
  const cold = await settledRowStates(view, IDS);
  const coldAudits = auditReads() - auditsBefore; // before truthNow, which reads audits itself
  const truth = await truthNow();
  expect(cold.states).toEqual(truth);
  for (const id of IDS) expect([...(cold.seen.get(id) ?? [])].filter((state) => state !== 'checking' && state !== truth[id])).toEqual([]);
  expect(coldAudits).toBe(IDS.length); // one audits page per row, no more
  await screenshot(view, `${name}-view-truth-cold`);

  // 2. The popup: the rows' tickets are watched, with the same states.
  if (openPopup) {
    const open = IDS.filter((id) => truth[id] !== 'stopped');
    const popup = await openPopup();
    expect(await popupStates(popup, open)).toMatchObject(Object.fromEntries(open.map((id) => [id, truth[id]])));
    await screenshot(popup, `${name}-view-truth-popup`);
    await popup.close();
  }

  // 3. Each ticket's own badge.
  const ticketPage = await browser.newPage();
  for (const id of IDS) {
    await ticketPage.goto(`https://${DEMO_HOST}/agent/tickets/${id}`);
    const badge = await waitForBadge(ticketPage, (b) => b.state !== null, 30_000);
    expect({ id, state: badge.state }).toEqual({ id, state: (await truthNow([id]))[id] });
  }

  // 4. The view again, warm: every row true at once, no history read again.
  const auditsWarm = auditReads();
  await view.bringToFront(); // the engineer looks at the view again (a background tab renders nothing)
  await view.goto(VIEW);
  const warm = await settledRowStates(view, IDS);
  expect(auditReads() - auditsWarm).toBe(0);
  expect(warm.states).toEqual(await truthNow());
  expect([...warm.seen.values()].some((states) => states.has('checking'))).toBe(false);

  // 5. A reply added in the simulator reaches the row without reloading the view.
  await view.evaluate(() => {
    (window as { __ewSameDocument?: boolean }).__ewSameDocument = true;
  });
  const changed = await addReplyThatChangesState();
  await ticketPage.goto(`https://${DEMO_HOST}/agent/tickets/${changed.id}`);
  await waitForBadge(ticketPage, (b) => b.state === changed.after, 30_000);
  await view.bringToFront();
  await waitUntil(() => readRowStates(view), (states) => states[changed.id] === changed.after, 30_000, `row ${changed.id} showing ${changed.after}`);
  expect(await view.evaluate(() => (window as { __ewSameDocument?: boolean }).__ewSameDocument)).toBe(true);
  await screenshot(view, `${name}-view-truth-after-reply`);
  await ticketPage.close();
  await view.close();
}

/** Adds an agent reply, now, to the first sample ticket whose state it changes; returns that ticket and its new state. */
async function addReplyThatChangesState(): Promise<{ id: string; before: string; after: string }> {
  for (const id of IDS) {
    const ticket = sim.tickets.get(Number(id));
    if (!ticket) continue;
    const before = (await truthNow([id]))[id] ?? '';
    ticket.events.push({ atMin: sim.clock.minutesOf(new Date()), type: 'agentReply', body: 'Update: the fix is deployed, monitoring now.' });
    const after = (await truthNow([id]))[id] ?? '';
    if (after !== before) return { id, before, after };
    ticket.events.pop();
  }
  throw new Error('no sample ticket changes state with a reply now');
}

const available = browsersAvailable();

describe.skipIf(!available.chromium)('One truth on every surface, Chromium', () => {
  beforeAll(async () => {
    sim = await startSimulator();
  });
  afterAll(async () => {
    await sim?.close();
  });

  it('view rows, popup, ticket badges and the demo table agree, cold and warm; a reply reaches the row', async () => {
    const session = await launchChromium(sim);
    try {
      await oneTruth(
        session.browser,
        async () => {
          const popup = await session.browser.newPage();
          await popup.setViewport({ ...POPUP_VIEWPORT, height: 1400 });
          await popup.goto(`chrome-extension://${session.extensionId}/popup.html`);
          return popup;
        },
        'chromium',
      );
    } finally {
      await session.close();
    }
  });
});

describe.skipIf(!available.firefox)('One truth on every surface, Firefox', () => {
  beforeAll(async () => {
    sim = await startSimulator();
  });
  afterAll(async () => {
    await sim?.close();
  });

  it('view rows, ticket badges and the demo table agree, cold and warm; a reply reaches the row', async () => {
    const session = await launchFirefox(sim);
    try {
      await oneTruth(session.browser, null, 'firefox');
    } finally {
      await session.close();
    }
  });
});

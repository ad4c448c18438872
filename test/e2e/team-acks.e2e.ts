import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimTicket } from '../simulator/seed';
import type { HelpdeskSimulator } from '../simulator/server';
import { displayedNotifications, inExtension, markNotifiedInPanel, openExtensionPage, readPopupRows, storedTickets } from './extension-probes';
import { browsersAvailable, launchChromium, screenshot, startSimulator, waitUntil, type ChromiumSession } from './harness';
import { openPanel, waitForBadge } from './page-probes';

/**
 * Issue 8 end to end: two engineers, two separate browser profiles, one helpdesk. Engineer A
 * marks the Sales Rep notified with the note setting "always"; the note is written on the
 * ticket; engineer B's extension reads it back from the helpdesk and stops listing the role.
 */

/** The note's fixed, machine-parseable form (lib/helpdesks/ack-note.ts). */
const SALES_REP_NOTE = /^\[Escalation Watch\] Notified Sales Rep( \(.+\))? at \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC — level 2 \(role: sales-rep\)$/;

let sim: HelpdeskSimulator;
let engineerA: ChromiumSession;
let engineerB: ChromiumSession;

/** A Sev 1 ticket 2 h 10 min old at HQ, answered 20 min ago: level 2 reached, Sales Rep pending. */
function sev1AtLevel2(id: number, subject: string): SimTicket {
  return {
    id,
    subject,
    organization: 'Globex',
    createdMin: sim.clock.minutesOf(new Date()) - 130,
    priority: 'urgent',
    status: 'open',
    tags: ['office_hq'],
    events: [{ atMin: sim.clock.minutesOf(new Date()) - 20, type: 'agentReply', body: 'Investigating; next update within the hour.' }],
  };
}

async function open(session: ChromiumSession, url: string): Promise<Page> {
  const page = await session.browser.newPage();
  await page.goto(url);
  await waitForBadge(page, (badge) => badge.state !== null);
  return page;
}

async function popupRow(session: ChromiumSession, id: string) {
  const popup = await openExtensionPage(session, 'popup.html');
  try {
    const rows = await waitUntil(() => readPopupRows(popup), (r) => r.some((row) => row.id === id), 10_000, `${id} in the popup`);
    return rows.find((row) => row.id === id);
  } finally {
    await popup.close();
  }
}

/** Engineer A chooses "always" in the options page's General section and saves. */
async function chooseAlwaysWriteNotes(session: ChromiumSession): Promise<void> {
  const options = await openExtensionPage(session, 'options.html', { width: 1100, height: 900 });
  const general = await options.waitForSelector('::-p-xpath(//*[@role="tab"][contains(., "General")])', { timeout: 15_000 });
  await general?.click();
  await options.waitForSelector('input[name="ew-ack-note"][value="always"]');
  await options.click('input[name="ew-ack-note"][value="always"]');
  await options.click('[role="tabpanel"] button.ew-primary');
  await waitUntil(
    () => inExtension(session, async () => ((await chrome.storage.sync.get('generalSettings')).generalSettings as { ackNoteMode?: string } | undefined)?.ackNoteMode ?? null),
    (mode) => mode === 'always',
    10_000,
    'the saved note setting',
  );
  await options.close();
}

describe.skipIf(!browsersAvailable().chromium)('Team-wide acknowledgements through the helpdesk (two engineers)', () => {
  beforeAll(async () => {
    sim = await startSimulator();
    [engineerA, engineerB] = await Promise.all([launchChromium(sim), launchChromium(sim)]);
    await chooseAlwaysWriteNotes(engineerA);
  });
  afterAll(async () => {
    await Promise.all([engineerA?.close(), engineerB?.close()]);
    await sim?.close();
  });

  it('Zendesk: A marks the Sales Rep notified, the note lands on the ticket, B no longer lists the role', async () => {
    const url = 'https://acme.zendesk.com/agent/tickets/35436';
    // B sees the Sales Rep to notify before anyone acts.
    const pageB = await open(engineerB, url);
    expect((await waitForBadge(pageB, (b) => b.state !== null)).state).toBe('notify');
    expect((await popupRow(engineerB, '35436'))?.people).toContain('Sales Rep');
    await waitUntil(() => displayedNotifications(engineerB), (ids) => ids.some((id) => id.startsWith('zendesk:35436@https://acme.zendesk.com|level|l2|')), 10_000, "B's level-2 notification");

    const pageA = await open(engineerA, url);
    await openPanel(pageA);
    const status = await markNotifiedInPanel(pageA, 'Sales Rep');
    expect(status).toMatch(/recorded on the ticket/);
    const notes = sim.notesWritten.filter((note) => note.system === 'zendesk' && note.id === '35436');
    expect(notes).toHaveLength(1);
    expect(notes[0]?.internal).toBe(true); // a private comment: customers never see it
    expect(notes[0]?.body).toMatch(SALES_REP_NOTE);
    const storeA = await waitUntil(() => storedTickets(engineerA), (s) => Boolean(s['zendesk:35436@https://acme.zendesk.com']?.acknowledged['sales-rep']), 10_000, "A's acknowledgement");
    expect(storeA['zendesk:35436@https://acme.zendesk.com']?.acknowledged['sales-rep']?.by).toBe('ticket');

    // B only reloads the ticket: what it learns, it learns from the helpdesk. The clock moves on
    // a minute first: the popup evaluates at the start of the current minute (PopupApp), so a
    // note written seconds ago would still be "in the future" there for up to 60 s (reported).
    sim.clock.advance(1);
    await pageB.reload();
    const badgeB = await waitForBadge(pageB, (b) => b.state !== null && b.state !== 'notify');
    expect(badgeB.state).not.toBe('notify');
    const rowB = await popupRow(engineerB, '35436');
    expect(rowB?.state).not.toBe('notify');
    expect(rowB?.people).toBe('');
    const storeB = await storedTickets(engineerB);
    expect(storeB['zendesk:35436@https://acme.zendesk.com']?.acknowledged).toEqual({}); // B did nothing itself
    expect(storeB['zendesk:35436@https://acme.zendesk.com']?.ticket.history.filter((e) => e.kind === 'notified').map((e) => e.role)).toEqual(['sales-rep']);
    // B's level-2 notification, raised on B's first visit, is taken down: nobody is left to tell.
    await waitUntil(() => displayedNotifications(engineerB), (ids) => !ids.some((id) => id.startsWith('zendesk:35436@https://acme.zendesk.com|level|')), 10_000, "B's answered notification taken down");
    await screenshot(pageB, 'team-ack-engineer-b');
    await Promise.all([pageA.close(), pageB.close()]);
  });

  it('Jira Cloud: the same through an internal comment on the issue', async () => {
    const ticket = sev1AtLevel2(35461, 'Search index corrupt after failover');
    sim.tickets.set(ticket.id, ticket);
    const url = 'https://acme.atlassian.net/browse/SUP-5461';
    const pageB = await open(engineerB, url);
    expect((await waitForBadge(pageB, (b) => b.state !== null)).state).toBe('notify');

    const pageA = await open(engineerA, url);
    await openPanel(pageA);
    expect(await markNotifiedInPanel(pageA, 'Sales Rep')).toMatch(/recorded on the ticket/);
    const notes = sim.notesWritten.filter((note) => note.system === 'jira' && note.id === 'SUP-5461');
    expect(notes).toHaveLength(1);
    expect(notes[0]?.internal).toBe(true); // an internal comment on the service project
    expect(notes[0]?.body.trim()).toMatch(SALES_REP_NOTE);

    await pageB.reload();
    expect((await waitForBadge(pageB, (b) => b.state !== null && b.state !== 'notify')).state).not.toBe('notify');
    const rowB = await popupRow(engineerB, 'SUP-5461');
    expect(rowB?.people).toBe('');
    await Promise.all([pageA.close(), pageB.close()]);
  });
});

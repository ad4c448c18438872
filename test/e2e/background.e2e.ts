import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimTicket } from '../simulator/seed';
import type { HelpdeskSimulator } from '../simulator/server';
import {
  clearDisplayedNotifications,
  displayedNotifications,
  lastCheckedAt,
  markNotifiedInPanel,
  openExtensionPage,
  readPopupRows,
  recordedNotifications,
  requestWake,
  seedStorage,
  setAckNoteMode,
  storedTickets,
  stopExtensionWorker,
  wakeAlarmAt,
  inExtension,
} from './extension-probes';
import { browsersAvailable, launchChromium, screenshot, startSimulator, waitUntil, type ChromiumSession } from './harness';
import { openPanel, panelPeople, readTicketBadge, waitForBadge } from './page-probes';

/**
 * The background in a real Chromium: the single alarm, notifications exactly once per
 * (ticket, event), "Mark notified", and a service-worker restart. Notifications are observed
 * where the browser keeps them: chrome.notifications (what is on screen), a recorder around
 * chrome.notifications.create in the worker (what was raised, in order), and the "shown" keys
 * the background stored in chrome.storage.local.
 */

const ZD = 'https://acme.zendesk.com';
/** The background's store key of an acme Zendesk ticket: system, id and origin (lib/storage watchedTicketKey). */
const keyOf = (id: string | number) => `zendesk:${id}@${ZD}`;
const HOUR_MS = 3_600_000;
/** How far ahead of the visit level 2 starts: long enough to visit in two tabs, short enough to wait for. */
const LEVEL_LEAD_MS = 20_000;
const SALES_REP = { name: 'Jane Doe', email: 'jane.doe@acme.example' };
const SALES_REP_TAICHUNG = { name: 'Lin Mei-hua', email: 'meihua.lin@acme.example' };

let sim: HelpdeskSimulator;
let chromium: ChromiumSession;

const levelKeysOf = (ticketKey: string, level: string, ids: readonly string[]) => ids.filter((id) => id.startsWith(`${ticketKey}|level|${level}|`));

async function visit(id: string): Promise<Page> {
  const page = await chromium.browser.newPage();
  await page.goto(`${ZD}/agent/tickets/${id}`);
  await waitForBadge(page, (badge) => badge.state !== null);
  return page;
}

/** Resolves once the background has stored the ticket and finished the wake its report asked for. */
async function settled(ticketKey: string, seenAfter = 0): Promise<void> {
  await waitUntil(
    async () => {
      const [store, checked] = await Promise.all([storedTickets(chromium), lastCheckedAt(chromium)]);
      const seen = store[ticketKey] ? Date.parse(store[ticketKey].lastSeenAt) : Number.NaN;
      return { seen, checked: checked ? Date.parse(checked) : Number.NaN };
    },
    ({ seen, checked }) => seen > seenAfter && checked >= seen,
    20_000,
    `${ticketKey} stored and woken on`,
  );
}

describe.skipIf(!browsersAvailable().chromium)('Background in Chromium: alarms, notifications, restarts', () => {
  beforeAll(async () => {
    sim = await startSimulator();
    // Resolves once the background answers a message (see harness backgroundReady). Nothing
    // holds the service worker: Chrome stops it when idle and the alarm starts it again, as for
    // an engineer. What it raised is read back from its notification log in storage.
    chromium = await launchChromium(sim);
    // Sales Reps per office, as the options page's People section stores them.
    await seedStorage(chromium, 'local', 'peopleDirectory', { roles: { 'sales-rep': { hq: [SALES_REP], taichung: [SALES_REP_TAICHUNG] } }, salesReps: [], directorRotations: {} });
    // Acknowledgements stay in this browser here; team-acks.e2e.ts covers notes on the ticket.
    await setAckNoteMode(chromium, 'off');
  });
  afterAll(async () => {
    await chromium?.close();
    await sim?.close();
  });

  it('an alarm at the level-2 boundary raises one notification naming the Sales Rep, with two tabs of the ticket open', async () => {
    const id = 35450;
    const ticketKey = keyOf(id);
    // Zendesk times have whole seconds; +500 ms keeps the minute offset from rounding below the second.
    const createdMs = Math.floor((Date.now() + LEVEL_LEAD_MS - 2 * HOUR_MS) / 1000) * 1000;
    const levelAt = createdMs + 2 * HOUR_MS;
    const nowMin = () => sim.clock.minutesOf(new Date());
    sim.tickets.set(id, {
      id,
      subject: 'Payments gateway rejects every card',
      organization: 'Globex',
      createdMin: sim.clock.minutesOf(new Date(createdMs + 500)),
      priority: 'urgent',
      status: 'open',
      tags: ['office_hq'],
      // Answered a few minutes ago: the next update is ~55 min away, so only the level is news.
      events: [{ atMin: nowMin() - 5, type: 'agentReply', body: 'Card processor contacted; next update within the hour.' }],
    } satisfies SimTicket);

    const tabs = [await visit(String(id)), await visit(String(id))];
    await settled(ticketKey);
    for (const tab of tabs) expect((await waitForBadge(tab, (b) => b.state !== null)).state).toBe('warning');
    expect(Date.now()).toBeLessThan(levelAt); // the boundary is still ahead: what follows is the alarm's doing
    // The single alarm is armed for the level boundary itself.
    expect(await wakeAlarmAt(chromium)).toBe(levelAt);

    const raised = await waitUntil(
      () => recordedNotifications(chromium),
      (log) => levelKeysOf(ticketKey, 'l2', log.map((n) => n.id)).length > 0,
      LEVEL_LEAD_MS + 40_000,
      'the level-2 notification',
    );
    const level2 = raised.find((n) => n.id.startsWith(`${ticketKey}|level|l2|`));
    console.log(`[measure] level-2 boundary → notification raised: ${(level2?.at ?? 0) - levelAt} ms (unpacked build, alarm "when" ${LEVEL_LEAD_MS / 1000} s ahead)`);
    expect(level2?.at).toBeGreaterThanOrEqual(levelAt);
    expect(level2?.title).toContain(`#${id}`);
    expect(level2?.title).toMatch(/level 2/);
    expect(level2?.title).toContain('Sales Rep');
    expect(level2?.message).toContain(`Sales Rep: ${SALES_REP.name} (${SALES_REP.email})`);

    // Both pages turn to "notify" at the boundary on their own.
    for (const tab of tabs) await waitForBadge(tab, (b) => b.state === 'notify');
    // Both tabs report the ticket again after the boundary; each report wakes the background.
    const before = Date.parse((await storedTickets(chromium))[ticketKey]?.lastSeenAt ?? '');
    await Promise.all(tabs.map((tab) => tab.reload()));
    for (const tab of tabs) await waitForBadge(tab, (b) => b.state === 'notify');
    await settled(ticketKey, before);

    const ids = (await recordedNotifications(chromium)).map((n) => n.id).filter((n) => n.startsWith(`${ticketKey}|`));
    expect(levelKeysOf(ticketKey, 'l2', ids)).toHaveLength(1);
    // The warning before the level, then the level: nothing else, nothing twice.
    expect(ids.map((n) => n.split('|')[1])).toEqual(['warn-level', 'level']);
    expect(levelKeysOf(ticketKey, 'l2', await displayedNotifications(chromium))).toHaveLength(1);
    expect(levelKeysOf(ticketKey, 'l2', Object.keys((await storedTickets(chromium))[ticketKey]?.shown ?? {}))).toHaveLength(1);
    await screenshot(tabs[0] as Page, 'background-level2-tab');
    await Promise.all(tabs.map((tab) => tab.close()));
  });

  it('"Mark notified" in the page silences the Sales Rep: no pending role, no reminder', async () => {
    const ticketKey = keyOf(35436); // level 2 reached 10 min ago, Sales Rep pending
    const control = keyOf(35443); // the same situation, left unacknowledged
    const page = await visit('35436');
    const controlPage = await visit('35443');
    await settled(ticketKey);
    await settled(control);
    const raisedFor = (key: string, log: Array<{ id: string }>) => log.filter((n) => n.id.startsWith(`${key}|level|l2|`));
    await waitUntil(() => recordedNotifications(chromium), (log) => raisedFor(ticketKey, log).length === 1 && raisedFor(control, log).length === 1, 15_000, 'level-2 notifications');

    await openPanel(page);
    const status = await markNotifiedInPanel(page, 'Sales Rep');
    expect(status).toMatch(/Sales Rep/);
    expect((await waitForBadge(page, (b) => b.state !== 'notify')).state).not.toBe('notify');
    const acknowledged = await waitUntil(() => storedTickets(chromium), (store) => Boolean(store[ticketKey]?.acknowledged['sales-rep']), 10_000, 'stored acknowledgement');
    expect(acknowledged[ticketKey]?.acknowledged['sales-rep']?.by).toBe('local');
    expect(sim.notesWritten.filter((note) => note.id === '35436')).toEqual([]); // setting "off": nothing written
    // The Sev 1 "Notify now" notification (it never times out) is taken down; the control's stays.
    const level2On = async (key: string) => levelKeysOf(key, 'l2', await displayedNotifications(chromium));
    await waitUntil(() => level2On(ticketKey), (ids) => ids.length === 0, 10_000, 'the answered notification taken down');
    expect(await level2On(control)).toHaveLength(1);

    // The popup agrees: nobody left to tell on 35436, the Sales Rep still pending on the control.
    const popup = await openExtensionPage(chromium, 'popup.html');
    const rows = await waitUntil(() => readPopupRows(popup), (r) => r.some((row) => row.id === '35436') && r.some((row) => row.id === '35443'), 10_000, 'popup rows');
    const acknowledgedRow = rows.find((row) => row.id === '35436');
    const controlRow = rows.find((row) => row.id === '35443');
    expect(acknowledgedRow?.state).not.toBe('notify');
    expect(acknowledgedRow?.people).toBe('');
    expect(controlRow?.state).toBe('notify');
    expect(controlRow?.people).toContain('Sales Rep');

    // Half an hour later (reminders come 30 min after the last notify round): shift the stored
    // "shown" instants back rather than wait, then wake the background as a settings save does.
    const checkedBefore = Date.parse((await lastCheckedAt(chromium)) ?? '');
    await inExtension(chromium, async (keys) => {
      // One storage key per ticket (v4): `watched:${ticket key}`.
      const stored = (await chrome.storage.local.get(keys.map((key) => `watched:${key}`))) as Record<string, { shown: Record<string, string> }>;
      for (const key of keys) {
        const entry = stored[`watched:${key}`];
        if (!entry) throw new Error(`${key} not stored`);
        entry.shown = Object.fromEntries(Object.entries(entry.shown).map(([id, at]) => [id, new Date(Date.parse(at) - 31 * 60_000).toISOString()]));
      }
      await chrome.storage.local.set(stored);
    }, [ticketKey, control]);
    await requestWake(popup);
    await waitUntil(() => lastCheckedAt(chromium), (at) => Date.parse(at ?? '') > checkedBefore, 10_000, 'the wake');

    const log = await recordedNotifications(chromium);
    const reminders = (key: string) => log.filter((n) => n.id.startsWith(`${key}|reminder|`));
    expect(reminders(control)).toHaveLength(1); // the control proves reminders were due
    expect(reminders(control)[0]?.message).toContain(`Sales Rep: ${SALES_REP_TAICHUNG.name}`); // a Taichung ticket
    expect(reminders(ticketKey)).toEqual([]);
    expect(log.filter((n) => n.id.startsWith(`${ticketKey}|`)).map((n) => n.id.split('|')[1])).toEqual(['level']);
    expect(Object.keys((await storedTickets(chromium))[ticketKey]?.shown ?? {}).filter((k) => k.includes('|reminder|'))).toEqual([]);
    await Promise.all([page.close(), controlPage.close(), popup.close()]);
  });

  it('"✓ Notified" in the popup acknowledges the role for the background, the popup and an open tab', async () => {
    const ticketKey = keyOf(35443); // Sales Rep still pending after the previous test (its control)
    const page = await visit('35443');
    await settled(ticketKey);
    const popup = await openExtensionPage(chromium, 'popup.html');
    const row = await waitUntil(() => readPopupRows(popup), (r) => r.some((x) => x.id === '35443' && x.state === 'notify'), 10_000, '35443 to notify');
    expect(row.find((x) => x.id === '35443')?.people).toContain(`Sales Rep · ${SALES_REP_TAICHUNG.name}`);
    await popup.click('.ew-list-item:has(.ew-state-notify) .ew-row-people button.ew-mark');
    const store = await waitUntil(() => storedTickets(chromium), (s) => Boolean(s[ticketKey]?.acknowledged['sales-rep']), 10_000, 'stored acknowledgement');
    expect(store[ticketKey]?.acknowledged['sales-rep']?.by).toBe('local');
    const after = await waitUntil(
      () => readPopupRows(popup),
      (r) => !(r.find((x) => x.id === '35443')?.people ?? 'Sales Rep').includes('Sales Rep'),
      10_000,
      'the Sales Rep no longer to tell',
    );
    // Told after its level's acknowledgement timeout: the Sales Rep is done, and the on-duty Escalation
    // Director the re-notification added is still to tell (issue 15 item 6), marked as added; so the
    // row still reads "notify" (one state word: never "on track" beside someone to tell).
    expect(after.find((x) => x.id === '35443')?.people).toMatch(/^On-duty Escalation Director · added after \d+ min/);
    expect(after.find((x) => x.id === '35443')?.state).toBe('notify');
    // The tab already showing the ticket is told and re-renders without a reload: its panel shows the Sales Rep done.
    await openPanel(page);
    const people = await waitUntil(
      () => panelPeople(page),
      (list) => list.some((person) => person.name.includes('Sales Rep') && !person.pending),
      10_000,
      'the open tab: the Sales Rep done',
    );
    expect(people.filter((person) => person.name.includes('Escalation Director')).map((person) => person.pending)).toEqual([true]);
    expect((await readTicketBadge(page))?.state).toBe('notify');
    await Promise.all([page.close(), popup.close()]);
  });

  // The page renders the view the background answers, acknowledgements included: a role
  // acknowledged in the popup is done in every tab opened later, not only where it was clicked.
  it('a ticket opened after an acknowledgement in the popup shows the role as done', async () => {
    const page = await visit('35443'); // acknowledged in the popup by the previous test
    try {
      // The director the timeout added is still to tell, so the ticket reads "notify"; the Sales Rep is done.
      expect((await waitForBadge(page, (b) => b.state !== null)).state).toBe('notify');
      const panel = await openPanel(page);
      expect(panel.people.join(' ')).toContain('Sales Rep');
      const salesRepPending = (await panelPeople(page)).filter((person) => person.name.includes('Sales Rep')).map((person) => person.pending);
      expect(salesRepPending).toEqual([false]);
    } finally {
      await page.close();
    }
  });

  it('a service-worker restart loses nothing and shows nothing twice', async () => {
    const page = await visit('35437'); // overdue: its update notification is raised on the visit
    await settled(keyOf(35437));
    await waitUntil(() => recordedNotifications(chromium), (log) => log.some((n) => n.id.startsWith(`${keyOf(35437)}|`)), 10_000, '35437 notified');

    const popup = await openExtensionPage(chromium, 'popup.html');
    const rowsBefore = await waitUntil(() => readPopupRows(popup), (r) => r.some((row) => row.id === '35437'), 10_000, 'popup rows');
    const storeBefore = await storedTickets(chromium);
    const alarmBefore = await wakeAlarmAt(chromium);
    const checkedBefore = Date.parse((await lastCheckedAt(chromium)) ?? '');
    expect(alarmBefore).not.toBeNull();
    // Nothing on screen: whatever the restarted worker shows would be a duplicate.
    await clearDisplayedNotifications(chromium);

    const { restarted } = await stopExtensionWorker(chromium, page); // resolves once the browser reports it stopped
    await popup.reload(); // the popup's messages start the worker again
    await restarted; // a new service-worker instance
    const rowsAfter = await waitUntil(() => readPopupRows(popup), (r) => r.length === rowsBefore.length, 15_000, 'popup rows after the restart');

    await waitUntil(() => lastCheckedAt(chromium), (at) => Date.parse(at ?? '') > checkedBefore, 15_000, 'the start-up wake');
    expect(rowsAfter).toEqual(rowsBefore);
    expect(await storedTickets(chromium)).toEqual(storeBefore);
    expect(await wakeAlarmAt(chromium)).toBe(alarmBefore);
    expect(await displayedNotifications(chromium)).toEqual([]);
    await Promise.all([page.close(), popup.close()]);
  });
});

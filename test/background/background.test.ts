import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { type Background, backgroundIdle, createBackground, WAKE_ALARM } from '../../lib/background';
import type { TicketJson } from '../../lib/engine/ticket-schema';
import { BADGE_COLORS } from '../../lib/alarms';
import { notificationLogItem, setStorageProblemSink, type StorageProblem, watchedTicketsItem } from '../../lib/storage';
import { sev1 } from '../alarms/alarm-fixtures';
import v1Fixture from '../storage/fixtures/watched-tickets-v1.json';
import { backgroundDeps, contentSender, type FakeWorld, fakeWorld, popupSender } from './fake-ports';

let world: FakeWorld;
let problems: StorageProblem[];

// Wakes requested by a test's messages finish before the next test resets the fake browser.
afterEach(() => backgroundIdle());

beforeEach(() => {
  fakeBrowser.reset();
  problems = [];
  setStorageProblemSink((p) => problems.push(p));
  world = fakeWorld('2026-07-14T08:05:00Z');
});

async function report(background: Background, ticket: TicketJson = sev1()) {
  const reply = await background.onMessage(
    { type: 'ticket:seen', ticket, source: 'api', fetchedAt: world.clock.now.toISOString() },
    contentSender(ticket.url),
  );
  expect(reply.ok).toBe(true);
  await background.start(); // waits for the wake the report requested
}

async function alarmAt(): Promise<string | null> {
  const alarm = await fakeBrowser.alarms.get(WAKE_ALARM);
  return alarm ? new Date(alarm.scheduledTime).toISOString() : null;
}

/** Lets the fake alarm fire: move the clock to it and deliver the event, as the browser would. */
async function fireAlarm(...backgrounds: Background[]) {
  const at = await alarmAt();
  if (!at) throw new Error('no alarm armed');
  world.clock.now = new Date(at);
  await Promise.all(backgrounds.map((b) => b.onAlarm({ name: WAKE_ALARM })));
}

const titles = () => world.shown.map((n) => n.title);

describe('alarms fire in order', () => {
  it('arms the single alarm at the first instant that matters', async () => {
    const background = createBackground(backgroundDeps(world));
    await report(background);
    expect(await alarmAt()).toBe('2026-07-14T08:15:00.000Z');
    expect(await fakeBrowser.alarms.getAll()).toHaveLength(1);
  });

  it('wakes at each instant in turn and raises each notification once', async () => {
    const background = createBackground(backgroundDeps(world));
    await report(background);
    for (let i = 0; i < 5; i++) await fireAlarm(background);
    expect(world.shown.map((n) => `${n.at.slice(11, 16)} ${n.title}`)).toEqual([
      '08:15 #35436: first response due at 08:30',
      '08:30 #35436: first response due now',
      '09:45 #35436 reaches level 2 at 10:00',
      '10:00 #35436 reached level 2 (Sales Rep)',
      // The Sales Rep is still pending 15 minutes after level 2 (Sev 1 acknowledgement timeout).
      '10:15 #35436: level 2 not acknowledged after 15 min',
    ]);
  });

  it('keeps what it raised in the notification log, in order, across instances', async () => {
    const first = createBackground(backgroundDeps(world));
    await report(first);
    for (let i = 0; i < 2; i++) await fireAlarm(first);
    const restarted = createBackground(backgroundDeps(world));
    for (let i = 0; i < 2; i++) await fireAlarm(restarted);
    const log = await notificationLogItem.get();
    expect(log.map((n) => `${n.at.slice(11, 16)} ${n.title}`)).toEqual(world.shown.map((n) => `${n.at.slice(11, 16)} ${n.title}`));
    expect(log).toHaveLength(4);
    expect(log.map((n) => n.id)).toEqual(world.shown.map((n) => n.id));
    expect(log[3]?.message).toBe(world.shown[3]?.message);
  });

  it('clears the alarm when nothing is ahead', async () => {
    const background = createBackground(backgroundDeps(world));
    await report(background, sev1({ status: 'solved' }));
    expect(await alarmAt()).toBeNull();
  });
});

describe('a service-worker restart loses nothing and duplicates nothing', () => {
  it('a new background instance re-arms from storage without repeating what was shown', async () => {
    const first = createBackground(backgroundDeps(world));
    await report(first);
    for (let i = 0; i < 4; i++) await fireAlarm(first); // … up to level 2 at 10:00
    const shownBefore = world.shown.length;

    await fakeBrowser.alarms.clearAll(); // the browser may drop alarms on update
    world.clock.now = new Date('2026-07-14T10:00:20Z');
    const restarted = createBackground(backgroundDeps(world));
    await restarted.start();
    expect(world.shown.length).toBe(shownBefore);
    expect(await alarmAt()).toBe('2026-07-14T10:15:00.000Z'); // level 2's acknowledgement timeout
  });

  it('two instances woken at once (old worker still finishing) notify once', async () => {
    const a = createBackground(backgroundDeps(world));
    const b = createBackground(backgroundDeps(world));
    await report(a);
    await fireAlarm(a, b);
    expect(titles()).toEqual(['#35436: first response due at 08:30']);
  });

  it('two alarm events delivered together to one instance notify once', async () => {
    const background = createBackground(backgroundDeps(world));
    await report(background);
    await fireAlarm(background, background);
    expect(titles()).toEqual(['#35436: first response due at 08:30']);
  });
});

describe('sleep catch-up', () => {
  it('reports the deadlines that passed during sleep in one notification, once', async () => {
    const background = createBackground(backgroundDeps(world));
    await report(background);
    world.shown.length = 0;
    await fakeBrowser.alarms.clearAll();
    world.clock.now = new Date('2026-07-14T15:00:00Z'); // the laptop slept from 08:05
    await background.start();
    // Response, levels 2–4, and the 15-minute acknowledgement timeouts of levels 2–4 (Sev 1).
    expect(titles()).toEqual(['7 deadlines passed while this computer was asleep']);
    await background.start();
    world.clock.now = new Date('2026-07-14T15:01:00Z');
    await background.start();
    expect(world.shown).toHaveLength(1);
  });
});

describe('acknowledgement, snooze and the notification buttons', () => {
  it("acknowledging the Sales Rep before level 2 silences level 2's notification", async () => {
    const background = createBackground(backgroundDeps(world));
    await report(background);
    const reply = await background.onMessage(
      { type: 'ticket:acknowledge', ticket: { system: 'zendesk', id: '35436' }, role: 'sales-rep' },
      popupSender(),
    );
    expect(reply).toMatchObject({ ok: true, data: { acknowledgement: { by: 'local' } } });
    for (let i = 0; i < 5; i++) await fireAlarm(background); // 08:15, 08:30, 09:45, 10:00 (silent), 11:45
    expect(titles()).not.toContain('#35436 reached level 2 (Sales Rep)');
    expect(titles()).toContain('#35436 reaches level 3 at 12:00');
  });

  it('"Mark notified" on the notification acknowledges every pending role and stops reminders', async () => {
    const background = createBackground(backgroundDeps(world));
    await report(background);
    for (let i = 0; i < 4; i++) await fireAlarm(background);
    const level2 = world.shown.at(-1);
    expect(level2?.buttons).toEqual(['Mark notified', 'Snooze 15 min']);
    await background.onNotificationButtonClicked(level2?.id ?? '', 0);
    const entry = (await watchedTicketsItem.get())['zendesk:35436@https://acme.zendesk.com'];
    expect(Object.keys(entry?.acknowledged ?? {})).toEqual(['sales-rep']);
    expect(await alarmAt()).toBe('2026-07-14T11:45:00.000Z'); // no 10:30 reminder any more
  });

  it('"Snooze 15 min" holds the ticket\'s notifications until the snooze ends', async () => {
    const background = createBackground(backgroundDeps(world));
    await report(background);
    for (let i = 0; i < 4; i++) await fireAlarm(background);
    const level2 = world.shown.at(-1);
    await background.onNotificationButtonClicked(level2?.id ?? '', 1);
    expect((await watchedTicketsItem.get())['zendesk:35436@https://acme.zendesk.com']?.snoozedUntil).toBe('2026-07-14T10:15:00.000Z');
    // Held until the snooze ends at 10:15 (then level 2's 15-minute acknowledgement timeout is due too).
    expect(await alarmAt()).toBe('2026-07-14T10:15:00.000Z');
    world.clock.now = new Date('2026-07-14T10:10:00Z');
    await background.start();
    expect(world.shown.at(-1)?.id).toBe(level2?.id);
  });

  it('a snooze from the popup delays a level start until the snooze ends', async () => {
    const background = createBackground(backgroundDeps(world));
    await report(background);
    for (let i = 0; i < 3; i++) await fireAlarm(background); // to 09:45
    await background.onMessage({ type: 'ticket:snooze', ticket: { system: 'zendesk', id: '35436' }, minutes: 20 }, popupSender());
    await background.start();
    expect(await alarmAt()).toBe('2026-07-14T10:05:00.000Z');
    await fireAlarm(background);
    expect(titles().at(-1)).toBe('#35436 reached level 2 (Sales Rep)');
    // Then level 2's 15-minute acknowledgement timeout, counted from the level's start (10:00).
    expect(await alarmAt()).toBe('2026-07-14T10:15:00.000Z');
  });

  it('clicking a notification focuses the ticket tab when open, else opens it', async () => {
    const background = createBackground(backgroundDeps(world));
    await report(background);
    await fireAlarm(background);
    const id = world.shown[0]?.id ?? '';
    await background.onNotificationClicked(id);
    const opened = await fakeBrowser.tabs.query({ url: 'https://acme.zendesk.com/agent/tickets/35436' });
    expect(opened).toHaveLength(1);
    await background.onNotificationClicked(id);
    expect(await fakeBrowser.tabs.query({ url: 'https://acme.zendesk.com/agent/tickets/35436' })).toHaveLength(1);
  });
});

describe('quiet hours vs Sev 1', () => {
  it('notifies a Sev 1 level start during quiet hours', async () => {
    await fakeBrowser.storage.sync.set({
      notificationSettings: {
        warnBeforeMinutes: {},
        quietHours: { enabled: true, start: '00:00', end: '00:00', days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], timeZone: 'UTC' },
        sound: false,
        reminderMinutes: 0,
      },
    });
    const background = createBackground(backgroundDeps(world));
    await report(background);
    await fireAlarm(background);
    expect(titles()).toEqual(['#35436: first response due at 08:30']);
    expect(world.shown[0]?.silent).toBe(true);
  });

  it('holds a Sev 3 notification during quiet hours', async () => {
    await fakeBrowser.storage.sync.set({
      notificationSettings: {
        warnBeforeMinutes: {},
        quietHours: { enabled: true, start: '00:00', end: '00:00', days: ['tue'], timeZone: 'UTC' },
        sound: true,
        reminderMinutes: 0,
      },
    });
    const background = createBackground(backgroundDeps(world));
    // Sev 3, opened Monday: the first response was due Tuesday 18:00 Los Angeles (Wed 01:00 UTC).
    world.clock.now = new Date('2026-07-14T12:00:00Z');
    await report(background, sev1({ id: '77', severity: 3, createdAt: '2026-07-13T17:00:00.000Z' }));
    expect(world.shown).toEqual([]);
  });
});

describe('toolbar badge', () => {
  it('counts tickets needing attention, red when one is overdue, and clears when none', async () => {
    const background = createBackground(backgroundDeps(world));
    await report(background);
    expect(world.badge.text).toBe('');
    world.clock.now = new Date('2026-07-14T08:31:00Z');
    await background.start();
    expect(world.badge).toMatchObject({ text: '1', color: BADGE_COLORS.overdue });
    await background.onMessage({ type: 'ticket:forget', ticket: { system: 'zendesk', id: '35436' } }, popupSender());
    await background.start();
    expect(world.badge).toMatchObject({ text: '', color: null });
  });
});

describe('storage problems never stop the background', () => {
  it('wakes normally over a corrupt entry, dropping it with a logged reason', async () => {
    await fakeBrowser.storage.local.set({
      watchedTickets: { 'zendesk:1': { ticket: 'garbage' } },
      watchedTickets$: { v: 2 },
    });
    const background = createBackground(backgroundDeps(world));
    await report(background);
    expect(Object.keys(await watchedTicketsItem.get())).toEqual(['zendesk:35436@https://acme.zendesk.com']);
    expect(problems.some((p) => p.reason.includes('zendesk:1'))).toBe(true);
    expect(await alarmAt()).toBe('2026-07-14T08:15:00.000Z');
  });

  it('migrates a v1 store and does not repeat the notifications v1 had shown', async () => {
    await fakeBrowser.storage.local.set({ watchedTickets: v1Fixture });
    world.clock.now = new Date('2026-07-14T10:06:00Z');
    const background = createBackground(backgroundDeps(world));
    await background.start();
    // v1 had shown level 2 of zendesk:35436; it had no record of the response, so that one is new.
    expect(titles().filter((t) => t.includes('reached level 2'))).toEqual([]);
  });
});

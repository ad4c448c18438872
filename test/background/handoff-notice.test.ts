import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { backgroundIdle, createBackground } from '../../lib/background';
import { HANDOFF_ALARM, runHandoffNotice } from '../../lib/background/handoff-notice';
import { notificationLogItem, setStorageProblemSink } from '../../lib/storage';
import { sev1 } from '../alarms/alarm-fixtures';
import { backgroundDeps, contentSender, type FakeWorld, fakeWorld } from './fake-ports';

/** The handoff notice (issue 15 item 3): off by default; N minutes before my office closes, naming the tickets. */

let world: FakeWorld;
afterEach(() => backgroundIdle());
beforeEach(() => {
  fakeBrowser.reset();
  setStorageProblemSink(() => undefined);
  world = fakeWorld('2026-07-14T10:05:00Z'); // Tuesday 03:05 in Los Angeles
});

const settings = (enabled: boolean, myOffice: string | null = 'hq', minutesBefore = 30) =>
  fakeBrowser.storage.sync.set({ forecastSettings: { myOffice, handoffNotice: { enabled, minutesBefore } } });
const seen = (ticket = sev1()) => ({ type: 'ticket:seen', ticket, source: 'api', fetchedAt: '2026-07-14T10:05:00Z' });

describe('handoff notice', () => {
  it('is off by default: no alarm, no notification', async () => {
    expect(await runHandoffNotice(backgroundDeps(world))).toEqual({ shown: null, nextAt: null });
    expect(await fakeBrowser.alarms.get(HANDOFF_ALARM)).toBeUndefined();
  });

  it('needs an office the policy has', async () => {
    await settings(true, 'atlantis');
    expect((await runHandoffNotice(backgroundDeps(world))).nextAt).toBeNull();
  });

  it('30 minutes before headquarters closes it names the tickets due before it opens again, once; then arms for the next business day', async () => {
    await settings(true);
    const background = createBackground(backgroundDeps(world));
    // A Sev 1 opened 15:00 in Los Angeles: level 3 falls at 19:00, after the 18:00 close.
    await background.onMessage(seen(sev1({ createdAt: '2026-07-14T22:00:00.000Z' })), contentSender());
    await backgroundIdle();
    expect((await fakeBrowser.alarms.get(HANDOFF_ALARM))?.scheduledTime).toBe(Date.parse('2026-07-15T00:30:00Z')); // 17:30 PDT

    world.clock.now = new Date('2026-07-15T00:30:00Z');
    await background.onAlarm({ name: HANDOFF_ALARM });
    const notice = world.shown.find((shown) => shown.id.startsWith('handoff|'));
    expect(notice?.title).toBe('Corporate Headquarters closes at 01:00: handoff');
    expect(notice?.message).toMatch(/^Due before it opens again: #35436 Level 3 \(Level 3 support\) 02:00/);
    expect((await notificationLogItem.get()).map((raised) => raised.id)).toContain(notice?.id);
    expect((await fakeBrowser.alarms.get(HANDOFF_ALARM))?.scheduledTime).toBe(Date.parse('2026-07-16T00:30:00Z'));

    // The same alarm again (a restart, a second wake): no second notice for the same close.
    await background.onAlarm({ name: HANDOFF_ALARM });
    expect(world.shown.filter((shown) => shown.id.startsWith('handoff|'))).toHaveLength(1);
  });

  it('turned off, the alarm is cleared', async () => {
    await settings(true);
    await runHandoffNotice(backgroundDeps(world));
    expect(await fakeBrowser.alarms.get(HANDOFF_ALARM)).toBeDefined();
    await settings(false);
    await runHandoffNotice(backgroundDeps(world));
    expect(await fakeBrowser.alarms.get(HANDOFF_ALARM)).toBeUndefined();
  });
});

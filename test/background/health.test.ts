import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { backgroundIdle, createBackground, WAKE_ALARM } from '../../lib/background';
import type { TicketFetcher } from '../../lib/background/deps';
import { HelpdeskError } from '../../lib/helpdesks/contract';
import { healthItem, setStorageProblemSink, watchedTicketsItem } from '../../lib/storage';
import { watchedEntryKey } from '../../lib/storage/watched-ticket-schema';
import { sev1 } from '../alarms/alarm-fixtures';
import { watchedTicket } from '../storage/watched-ticket-builders';
import { backgroundDeps, contentSender, type FakeWorld, fakeWorld } from './fake-ports';

/** Issue 12, item 7: the background records what it did, so the options page can show it. */

let world: FakeWorld;
afterEach(() => backgroundIdle());
beforeEach(() => {
  fakeBrowser.reset();
  setStorageProblemSink(() => undefined);
  world = fakeWorld('2026-07-14T08:05:00Z');
});

describe('health is recorded by every wake', () => {
  it('the last wake and the alarm armed for the next one', async () => {
    const background = createBackground(backgroundDeps(world));
    await background.onMessage({ type: 'ticket:seen', ticket: sev1(), source: 'api', fetchedAt: '2026-07-14T08:05:00.000Z' }, contentSender());
    await background.start();
    const alarm = await fakeBrowser.alarms.get(WAKE_ALARM);
    expect(await healthItem.get()).toMatchObject({
      lastWakeAt: '2026-07-14T08:05:00.000Z',
      nextAlarmAt: new Date(alarm?.scheduledTime ?? 0).toISOString(),
    });
  });

  it('a ticket that cannot be evaluated is listed as refused, with why', async () => {
    const entry = watchedTicket({}, { id: '9' });
    await watchedTicketsItem.set({ [watchedEntryKey(entry)]: entry });
    const background = createBackground(
      backgroundDeps(world, {
        evaluate: () => {
          throw new RangeError('office calendar out of range');
        },
      }),
    );
    await background.start();
    expect((await healthItem.get()).refused).toEqual([
      {
        at: '2026-07-14T08:05:00.000Z',
        ticket: 'zendesk:9@https://acme.zendesk.com',
        origin: 'https://acme.zendesk.com',
        reason: 'cannot be evaluated: office calendar out of range',
      },
    ]);
  });

  it('Sev 3 notifications held back by quiet hours are listed with when they will show', async () => {
    await fakeBrowser.storage.sync.set({
      notificationSettings: {
        warnBeforeMinutes: {},
        quietHours: { enabled: true, start: '00:00', end: '00:00', days: ['tue'], timeZone: 'UTC' },
        sound: true,
        reminderMinutes: 0,
      },
    });
    world.clock.now = new Date('2026-07-14T12:00:00Z'); // a Tuesday, quiet all day
    const entry = watchedTicket({}, { id: '77', severity: 3, createdAt: '2026-07-10T17:00:00.000Z' });
    await watchedTicketsItem.set({ [watchedEntryKey(entry)]: entry });
    await createBackground(backgroundDeps(world)).start();
    expect(world.shown).toEqual([]);
    const { held } = await healthItem.get();
    expect(held.length).toBeGreaterThan(0);
    expect(held[0]).toMatchObject({ ticket: 'zendesk:77@https://acme.zendesk.com', until: '2026-07-15T00:00:00.000Z' });
  });

  it('the last error per helpdesk origin: a failed refresh', async () => {
    const entry = watchedTicket({ fetchedAt: '2026-07-14T07:00:00.000Z', lastSeenAt: '2026-07-14T07:00:00.000Z' }, { id: '1' });
    await watchedTicketsItem.set({ [watchedEntryKey(entry)]: entry });
    const zendesk: TicketFetcher = () => Promise.reject(new HelpdeskError('server', 'HTTP 503', 503));
    await createBackground(backgroundDeps(world, { fetchers: { zendesk } })).onAlarm({ name: WAKE_ALARM });
    expect((await healthItem.get()).originErrors).toEqual({
      'https://acme.zendesk.com': { at: '2026-07-14T08:05:00.000Z', message: '1: server: HTTP 503' },
    });
  });

  it('a page read the background cannot parse is refused, and is its origin\'s last error', async () => {
    const background = createBackground(backgroundDeps(world));
    const reply = await background.onMessage(
      { type: 'ticket:ingest', system: 'zendesk', raw: { ticket: { id: 'not a number' } }, fetchedAt: '2026-07-14T08:05:00.000Z' },
      contentSender(),
    );
    expect(reply).toMatchObject({ ok: true, data: { kind: 'malformed' } });
    const health = await healthItem.get();
    expect(health.refused).toEqual([expect.objectContaining({ ticket: 'zendesk ticket', origin: 'https://acme.zendesk.com' })]);
    expect(health.originErrors['https://acme.zendesk.com']?.message).toMatch(/^zendesk ticket: /);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { type Background, backgroundIdle, createBackground, WAKE_ALARM } from '../../lib/background';
import type { TicketJson } from '../../lib/engine/ticket-schema';
import { sev1 } from '../alarms/alarm-fixtures';
import { useEnglishMessages } from '../i18n/english-messages';
import { backgroundDeps, contentSender, type FakeWorld, fakeWorld, popupSender } from './fake-ports';

/**
 * A Sev 1 notification stays on screen until dismissed. Once nobody is left to tell, the
 * background takes its "Notify now" notifications down, however the role was acknowledged.
 */

let world: FakeWorld;

afterEach(() => backgroundIdle());

beforeEach(() => {
  fakeBrowser.reset();
  useEnglishMessages();
  world = fakeWorld('2026-07-14T08:05:00Z');
});

async function report(background: Background, ticket: TicketJson = sev1()) {
  const reply = await background.onMessage(
    { type: 'ticket:seen', ticket, source: 'api', fetchedAt: world.clock.now.toISOString() },
    contentSender(ticket.url),
  );
  expect(reply).toMatchObject({ ok: true });
  await background.start();
}

/** Wakes at each armed alarm until the level-2 notification is on screen (10:00). */
async function untilLevel2(background: Background): Promise<string> {
  for (let i = 0; i < 6; i++) {
    const alarm = await fakeBrowser.alarms.get(WAKE_ALARM);
    if (!alarm) break;
    world.clock.now = new Date(alarm.scheduledTime);
    await background.onAlarm({ name: WAKE_ALARM });
    const level2 = world.shown.find((n) => n.id.startsWith('zendesk:35436@https://acme.zendesk.com|level|l2|'));
    if (level2) return level2.id;
  }
  throw new Error('level 2 was never notified');
}

const onScreen = async () => Object.keys(await fakeBrowser.notifications.getAll());

describe('notifications nobody needs any more are taken down', () => {
  it('"Mark notified" from the popup takes the level-2 notification down, and only it', async () => {
    const background = createBackground(backgroundDeps(world));
    await report(background);
    const level2 = await untilLevel2(background);
    const before = await onScreen();
    expect(before).toContain(level2);
    expect(before.some((id) => id.includes('|response|'))).toBe(true);

    const reply = await background.onMessage({ type: 'ticket:acknowledge', ticket: { system: 'zendesk', id: '35436' }, role: 'sales-rep' }, popupSender());
    expect(reply.ok).toBe(true);
    await backgroundIdle();

    const after = await onScreen();
    expect(after).not.toContain(level2);
    // The overdue first response is not answered by telling the Sales Rep: it stays.
    expect(after).toEqual(before.filter((id) => id !== level2));
  });

  it('a colleague\'s note on the ticket (a "notified" event read from the helpdesk) takes it down too', async () => {
    const background = createBackground(backgroundDeps(world));
    await report(background);
    const level2 = await untilLevel2(background);
    const noted = sev1({ history: [...(sev1().history ?? []), { at: world.clock.now.toISOString(), kind: 'notified', role: 'sales-rep' }] });
    await report(background, noted);
    expect(await onScreen()).not.toContain(level2);
  });

  it('a level notification with a role still pending stays', async () => {
    const background = createBackground(backgroundDeps(world));
    await report(background);
    const level2 = await untilLevel2(background);
    await background.onMessage({ type: 'ticket:snooze', ticket: { system: 'zendesk', id: '35436' }, minutes: 15 }, popupSender());
    await backgroundIdle();
    expect(await onScreen()).toContain(level2);
  });
});

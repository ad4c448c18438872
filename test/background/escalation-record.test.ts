import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { type Background, backgroundIdle, createBackground, WAKE_ALARM } from '../../lib/background';
import type { TicketJson } from '../../lib/engine/ticket-schema';
import { directoryItem, setStorageProblemSink } from '../../lib/storage';
import { escalationRecordItem } from '../../lib/storage/escalation-record';
import { SHARD_KEYS } from '../../lib/storage/escalation-record-shards';
import { sev1 } from '../alarms/alarm-fixtures';
import { sampleDirectory } from '../people/directory-fixture';
import { backgroundDeps, contentSender, type FakeWorld, fakeWorld, popupSender } from './fake-ports';

/** The background keeps the escalation record as it works (issue 15 item 5). */

const KEY = 'zendesk:35436@https://acme.zendesk.com';
let world: FakeWorld;

afterEach(() => backgroundIdle());

beforeEach(async () => {
  fakeBrowser.reset();
  setStorageProblemSink(() => undefined);
  world = fakeWorld('2026-07-14T09:59:00Z');
  await directoryItem.set(sampleDirectory());
});

async function report(background: Background, ticket: TicketJson = sev1()) {
  const reply = await background.onMessage({ type: 'ticket:seen', ticket, source: 'api', fetchedAt: world.clock.now.toISOString() }, contentSender(ticket.url));
  expect(reply.ok).toBe(true);
  await background.start();
}

async function fireAlarm(background: Background) {
  const alarm = await fakeBrowser.alarms.get(WAKE_ALARM);
  if (!alarm) throw new Error('no alarm armed');
  world.clock.now = new Date(alarm.scheduledTime);
  await background.onAlarm({ name: WAKE_ALARM });
}

describe('the escalation record', () => {
  it('records level 2 and its notification at 10:00, the re-notification at 10:15 naming the director, then the acknowledgement with its delay', async () => {
    const background = createBackground(backgroundDeps(world));
    await report(background);
    await fireAlarm(background); // 10:00 level 2
    await fireAlarm(background); // 10:15 acknowledgement timeout
    world.clock.now = new Date('2026-07-14T10:21:00Z');
    const reply = await background.onMessage(
      { type: 'ticket:acknowledge', ticket: { system: 'zendesk', id: '35436' }, role: 'sales-rep', person: 'Jane Doe', channel: 'phone' },
      popupSender(),
    );
    expect(reply.ok).toBe(true);
    const ticket = (await escalationRecordItem.get())[KEY];
    expect(ticket?.levels.map((l) => `${l.levelId}@${l.at.slice(11, 16)}`)).toEqual(['l1@08:00', 'l2@10:00']);
    expect(ticket?.notifications.map((n) => `${n.kind}@${n.at.slice(11, 16)} ${n.roles.join(',')}`)).toEqual([
      'response@09:59 ', // first seen at 09:59: the first response is overdue, level 2 a minute away
      'warn-level@09:59 sales-rep',
      'level@10:00 sales-rep',
      'ack-timeout@10:15 sales-rep,escalation-director',
    ]);
    expect(ticket?.acknowledgements).toEqual([
      { role: 'sales-rep', level: 2, levelStartedAt: '2026-07-14T10:00:00.000Z', at: '2026-07-14T10:21:00.000Z', how: 'button', person: 'Jane Doe', channel: 'phone', noteWritten: false },
    ]);
  });

  it('an acknowledgement from the notification is "reply", naming who holds the role when nobody was named', async () => {
    const background = createBackground(backgroundDeps(world));
    await report(background, sev1({ organization: 'Acme Corp' }));
    await fireAlarm(background); // 10:00
    world.clock.now = new Date('2026-07-14T10:03:00Z');
    await background.onNotificationButtonClicked(`${KEY}|level|l2|2026-07-14T08:00:00.000Z`, 0);
    const acks = (await escalationRecordItem.get())[KEY]?.acknowledgements;
    expect(acks).toEqual([
      { role: 'sales-rep', level: 2, levelStartedAt: '2026-07-14T10:00:00.000Z', at: '2026-07-14T10:03:00.000Z', how: 'reply', person: 'Jane Doe', channel: null, noteWritten: false },
    ]);
  });

  it("a teammate's note read with the ticket is recorded as 'note', once", async () => {
    const background = createBackground(backgroundDeps(world));
    await report(background);
    await fireAlarm(background); // 10:00
    world.clock.now = new Date('2026-07-14T10:09:00Z');
    const noted = sev1({ history: [{ at: '2026-07-14T08:00:00.000Z', kind: 'severity', to: 1 }, { at: '2026-07-14T10:08:00.000Z', kind: 'notified', role: 'sales-rep' }] });
    await report(background, noted);
    world.clock.now = new Date('2026-07-14T10:10:00Z');
    await report(background, noted);
    const acks = (await escalationRecordItem.get())[KEY]?.acknowledgements;
    expect(acks).toEqual([
      { role: 'sales-rep', level: 2, levelStartedAt: '2026-07-14T10:00:00.000Z', at: '2026-07-14T10:08:00.000Z', how: 'note', person: null, channel: null, noteWritten: true },
    ]);
  });

  it('a wake with nothing new does not write the record', async () => {
    const background = createBackground(backgroundDeps(world));
    await report(background);
    await fireAlarm(background);
    const recordKeys = [...SHARD_KEYS, 'escalationRecord$'];
    const before = await fakeBrowser.storage.local.get(recordKeys);
    expect(Object.keys(before).length).toBeGreaterThan(0);
    let writes = 0;
    fakeBrowser.storage.onChanged.addListener((changes) => {
      if (Object.keys(changes).some((key) => recordKeys.includes(key))) writes++;
    });
    world.clock.now = new Date('2026-07-14T10:05:00Z');
    await background.start();
    expect(writes).toBe(0);
    expect(await fakeBrowser.storage.local.get(recordKeys)).toEqual(before);
  });
});

describe('the on-duty Escalation Director an acknowledgement timeout added (issue 15 item 6)', () => {
  const ticketRef = { system: 'zendesk', id: '35436' } as const;
  const toTellOf = async (background: Background) => {
    const reply = await background.onMessage({ type: 'tickets:list' }, popupSender());
    if (!reply.ok) throw new Error('tickets:list failed');
    const row = (reply.data as { rows: Array<{ key: string; toTell: Array<{ roleId: string; addedBy?: unknown }> }> }).rows[0];
    return row?.toTell.map((role) => `${role.roleId}${role.addedBy ? ' (added)' : ''}`);
  };
  const stateOf = async (background: Background) => {
    const reply = await background.onMessage({ type: 'tickets:list' }, popupSender());
    if (!reply.ok) throw new Error('tickets:list failed');
    return (reply.data as { rows: Array<{ evaluation: { state: string } }> }).rows[0]?.evaluation.state;
  };

  it('is in the popup after 10:15 only, still after the Sales Rep is told; Mark notified on it is recorded at level 2 with its delay, and it is no longer to tell', async () => {
    const background = createBackground(backgroundDeps(world));
    await report(background);
    await fireAlarm(background); // 10:00 level 2
    expect(await toTellOf(background)).toEqual(['sales-rep']);
    await fireAlarm(background); // 10:15 acknowledgement timeout
    expect(await toTellOf(background)).toEqual(['sales-rep', 'escalation-director (added)']);
    // The Sales Rep told after the timeout does not take the director off.
    world.clock.now = new Date('2026-07-14T10:18:00Z');
    expect((await background.onMessage({ type: 'ticket:acknowledge', ticket: ticketRef, role: 'sales-rep' }, popupSender())).ok).toBe(true);
    expect(await toTellOf(background)).toEqual(['escalation-director (added)']);
    // One truth: with the customer answered at 10:17 (nothing overdue) and the level's own role told,
    // the engine says the level is settled, yet the popup's row reads "notify": the director is still to tell.
    await report(background, sev1({ history: [{ at: '2026-07-14T08:00:00.000Z', kind: 'severity', to: 1 }, { at: '2026-07-14T10:17:00.000Z', kind: 'publicReply' }] }));
    expect(await toTellOf(background)).toEqual(['escalation-director (added)']);
    expect(await stateOf(background)).toBe('notify');
    world.clock.now = new Date('2026-07-14T10:20:00Z');
    const reply = await background.onMessage({ type: 'ticket:acknowledge', ticket: ticketRef, role: 'escalation-director' }, popupSender());
    expect(reply.ok).toBe(true);
    expect(await toTellOf(background)).toEqual([]);
    expect(await stateOf(background)).not.toBe('notify');
    const acks = (await escalationRecordItem.get())[KEY]?.acknowledgements;
    expect(acks).toEqual([
      expect.objectContaining({ role: 'sales-rep', level: 2, at: '2026-07-14T10:18:00.000Z' }),
      expect.objectContaining({ role: 'escalation-director', level: 2, levelStartedAt: '2026-07-14T10:00:00.000Z', at: '2026-07-14T10:20:00.000Z', how: 'button' }),
    ]);
  });

  it("the re-notification's Mark notified button acknowledges the director too", async () => {
    const background = createBackground(backgroundDeps(world));
    await report(background);
    await fireAlarm(background); // 10:00
    await fireAlarm(background); // 10:15
    world.clock.now = new Date('2026-07-14T10:16:00Z');
    await background.onNotificationButtonClicked(`${KEY}|ack-timeout|l2|2026-07-14T08:00:00.000Z`, 0);
    expect(await toTellOf(background)).toEqual([]);
    const acks = (await escalationRecordItem.get())[KEY]?.acknowledgements;
    expect(acks?.map((ack) => `${ack.role}@${ack.level} ${ack.how}`)).toEqual(['sales-rep@2 reply', 'escalation-director@2 reply']);
  });
  it('the re-notification stays on screen while the director is still to tell, and goes once the director is told', async () => {
    const background = createBackground(backgroundDeps(world));
    await report(background);
    await fireAlarm(background); // 10:00
    await fireAlarm(background); // 10:15
    const onScreen = async () => Object.keys(await fakeBrowser.notifications.getAll()).filter((id) => id.includes('|ack-timeout|'));
    expect(await onScreen()).toHaveLength(1);
    world.clock.now = new Date('2026-07-14T10:18:00Z');
    await background.onMessage({ type: 'ticket:acknowledge', ticket: ticketRef, role: 'sales-rep' }, popupSender());
    await backgroundIdle();
    expect(await onScreen()).toHaveLength(1);
    await background.onMessage({ type: 'ticket:acknowledge', ticket: ticketRef, role: 'escalation-director' }, popupSender());
    await backgroundIdle();
    expect(await onScreen()).toEqual([]);
  });

  it('a director told at level 2 is not added again by level 3\'s timeout', async () => {
    const background = createBackground(backgroundDeps(world));
    await report(background);
    await fireAlarm(background); // 10:00
    await fireAlarm(background); // 10:15
    world.clock.now = new Date('2026-07-14T10:20:00Z');
    await background.onMessage({ type: 'ticket:acknowledge', ticket: ticketRef, role: 'escalation-director' }, popupSender());
    await backgroundIdle();
    for (let i = 0; i < 10 && world.clock.now.getTime() < Date.parse('2026-07-14T12:15:00Z'); i++) await fireAlarm(background);
    const timeouts = (await escalationRecordItem.get())[KEY]?.notifications.filter((n) => n.kind === 'ack-timeout');
    expect(timeouts?.map((n) => `${n.at.slice(11, 16)} ${n.roles.join(',')}`)).toEqual(['10:15 sales-rep,escalation-director', '12:15 district-sales-manager']);
  });
  it('the reminder after the re-notification names the director still to tell, though the Sales Rep was told', async () => {
    const background = createBackground(backgroundDeps(world));
    await report(background);
    await fireAlarm(background); // 10:00
    await fireAlarm(background); // 10:15
    world.clock.now = new Date('2026-07-14T10:18:00Z');
    await background.onMessage({ type: 'ticket:acknowledge', ticket: ticketRef, role: 'sales-rep' }, popupSender());
    await backgroundIdle();
    for (let i = 0; i < 5 && !world.shown.some((n) => n.id.includes('|reminder|')); i++) await fireAlarm(background);
    const reminder = world.shown.find((n) => n.id.includes('|reminder|'));
    expect(reminder?.at).toBe('2026-07-14T10:45:00.000Z'); // 30 min after the re-notification
    expect(reminder?.message).toMatch(/^On-duty Escalation Director: /m);
    expect(reminder?.message).not.toMatch(/^Sales Rep: /m);
    const notifications = (await escalationRecordItem.get())[KEY]?.notifications.filter((n) => n.kind === 'reminder');
    expect(notifications?.map((n) => n.roles)).toEqual([['escalation-director']]);
  });
  it('the toolbar badge counts the ticket while only the director is left to tell', async () => {
    const background = createBackground(backgroundDeps(world));
    // Answered, last updated at 09:50: nothing overdue at 10:18, only people to tell.
    const replies = [
      { at: '2026-07-14T08:00:00.000Z', kind: 'severity' as const, to: 1 as const },
      { at: '2026-07-14T08:10:00.000Z', kind: 'publicReply' as const },
      { at: '2026-07-14T09:50:00.000Z', kind: 'publicReply' as const },
    ];
    await report(background, sev1({ history: replies }));
    await fireAlarm(background); // 10:00
    await fireAlarm(background); // 10:15
    world.clock.now = new Date('2026-07-14T10:18:00Z');
    await background.onMessage({ type: 'ticket:acknowledge', ticket: ticketRef, role: 'sales-rep' }, popupSender());
    await backgroundIdle();
    expect(world.badge.text).toBe('1');
    await background.onMessage({ type: 'ticket:acknowledge', ticket: ticketRef, role: 'escalation-director' }, popupSender());
    await backgroundIdle();
    expect(world.badge.text).toBe('');
  });
  it("a teammate's note that the director was told, read with the ticket, is recorded at the level that timed out", async () => {
    const background = createBackground(backgroundDeps(world));
    await report(background);
    await fireAlarm(background); // 10:00
    await fireAlarm(background); // 10:15
    world.clock.now = new Date('2026-07-14T10:25:00Z');
    const noted = sev1({
      history: [
        { at: '2026-07-14T08:00:00.000Z', kind: 'severity', to: 1 },
        { at: '2026-07-14T10:24:00.000Z', kind: 'notified', role: 'escalation-director' },
      ],
    });
    await report(background, noted);
    expect(await toTellOf(background)).toEqual(['sales-rep']);
    const acks = (await escalationRecordItem.get())[KEY]?.acknowledgements;
    expect(acks).toEqual([
      { role: 'escalation-director', level: 2, levelStartedAt: '2026-07-14T10:00:00.000Z', at: '2026-07-14T10:24:00.000Z', how: 'note', person: null, channel: null, noteWritten: true },
    ]);
  });
});

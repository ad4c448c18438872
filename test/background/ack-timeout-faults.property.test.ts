import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { createBackground, WAKE_ALARM } from '../../lib/background';
import { directoryItem, notificationSettingsItem, notificationSettingsSchema, setStorageProblemSink, watchedTicketsItem, type WatchedStore } from '../../lib/storage';
import { watchedTicketKey } from '../../lib/storage/watched-ticket-schema';
import { sampleDirectory } from '../people/directory-fixture';
import { watchedTicket } from '../storage/watched-ticket-builders';
import { backgroundDeps, type FakeWorld, fakeWorld } from './fake-ports';

/**
 * Fault injection for acknowledgement timeouts (issue 15 item 6): corrupt timeout settings, store
 * entries and directories are planted, then the background wakes 15 minutes after level 2 of
 * three Sev 1 tickets started. Whatever is planted, each good ticket is notified again, naming an
 * Escalation Director line, exactly once across a second wake, and an alarm is armed for later.
 */

const NOW = '2026-07-14T10:15:30Z'; // Sev 1 opened 08:00 UTC: level 2 at 10:00, its 15-minute timeout at 10:15
const GOOD = ['2001', '2002', '2003'];
const origin = 'https://acme.zendesk.com';
const timeoutId = (id: string) => `zendesk:${id}@${origin}|ack-timeout|l2|2026-07-14T08:00:00.000Z`;

const PROTOTYPE_NAMES = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'];
const anyJson = fc.jsonValue({ maxDepth: 3 });
const withKey = (key: string, value: unknown): Record<string, unknown> => JSON.parse(`{${JSON.stringify(key)}:${JSON.stringify(value ?? null)}}`);

/** Timeout settings that must be refused (and fall back to the defaults: 15 min for Sev 1). */
const badMinutes = fc.oneof(
  fc.constantFrom<unknown>(-1, 1.5, 1e9, Number.MAX_SAFE_INTEGER, '15', null, true, [], {}),
  fc.double({ noInteger: true }),
  anyJson,
);
const badTimeouts = fc
  .oneof(
    fc.record({ '1': badMinutes, '2': badMinutes, '3': badMinutes, '4': badMinutes }),
    fc.constantFrom(...PROTOTYPE_NAMES).map((name) => withKey(name, 15)),
    anyJson,
  )
  .filter((value) => !notificationSettingsSchema.shape.ackTimeoutMinutes.safeParse(value).success);

/** Entries beside the good ones: junk, and tickets whose own values are hostile. */
const badEntry = fc.oneof(
  anyJson,
  fc.record({
    id: fc.oneof(fc.constantFrom(...PROTOTYPE_NAMES), fc.stringMatching(/^[1-9]\d{0,5}$/)).filter((id) => !GOOD.includes(id)),
    severity: fc.constantFrom<unknown>(1, 2, 0, 9, '1', null),
    createdAt: fc.constantFrom('2026-07-14T08:00:00.000Z', '+275760-09-13T00:00:00.000Z', 'yesterday', ''),
    shownKey: fc.oneof(fc.string({ maxLength: 20 }), fc.constant(timeoutId('2001'))),
  }).map((hostile) => ({ hostile })),
);

const badDirectory = fc.record({
  rotation: fc.oneof(
    anyJson,
    fc.record({ anchorDate: fc.constantFrom('0000-01-01', '2026-02-30', 'x'), handoverTime: fc.constantFrom('24:00', '09:00'), timeZone: fc.constantFrom('Mars/Olympus', 'Asia/Shanghai'), people: anyJson }),
  ),
  people: anyJson,
});

const faults = fc.record({ timeouts: badTimeouts, entries: fc.array(badEntry, { maxLength: 3 }), directory: badDirectory }, { requiredKeys: [] });
type Faults = typeof faults extends fc.Arbitrary<infer T> ? T : never;

function goodStore(): WatchedStore {
  const store: WatchedStore = {};
  for (const id of GOOD) {
    const entry = watchedTicket(
      {
        shown: {
          [`zendesk:${id}@${origin}|response|due|2026-07-14T08:30:00.000Z`]: '2026-07-14T08:30:00.000Z',
          [`zendesk:${id}@${origin}|level|l2|2026-07-14T08:00:00.000Z`]: '2026-07-14T10:00:00.000Z',
        },
      },
      { id },
    );
    store[watchedTicketKey(entry.ticket)] = entry;
  }
  return store;
}

async function plant(f: Faults): Promise<void> {
  await directoryItem.set(sampleDirectory());
  await watchedTicketsItem.set(goodStore());
  await notificationSettingsItem.set(structuredClone((await notificationSettingsItem.get())));
  if (f.timeouts !== undefined) {
    const { notificationSettings: stored } = await fakeBrowser.storage.sync.get('notificationSettings');
    await fakeBrowser.storage.sync.set({ notificationSettings: { ...(stored as object), ackTimeoutMinutes: f.timeouts } });
  }
  if (f.directory) {
    const directory = structuredClone(sampleDirectory()) as unknown as Record<string, Record<string, unknown>>;
    Object.assign(directory.directorRotations as object, { hq: f.directory.rotation });
    Object.assign(directory.roles as object, { 'escalation-director': { hq: f.directory.people } });
    await fakeBrowser.storage.local.set({ directory });
  }
  // Each planted entry under its own storage key, as the store keeps tickets (v4).
  for (const [index, fault] of (f.entries ?? []).entries()) {
    if (typeof fault === 'object' && fault !== null && 'hostile' in fault && !Array.isArray(fault)) {
      const { hostile } = fault as { hostile: { id: string; severity: unknown; createdAt: string; shownKey: string } };
      const entry = watchedTicket({ shown: withKey(hostile.shownKey, NOW) as Record<string, string> }, { id: hostile.id, severity: hostile.severity as 1 });
      await fakeBrowser.storage.local.set({ [`watched:zendesk:${hostile.id}@${origin}`]: { ...entry, ticket: { ...entry.ticket, createdAt: hostile.createdAt } } });
    } else {
      await fakeBrowser.storage.local.set({ [`watched:junk-${index}`]: fault });
    }
  }
}

async function wakeWith(f: Faults): Promise<{ world: FakeWorld; alarm: number | null }> {
  fakeBrowser.reset();
  setStorageProblemSink(() => undefined);
  const world = fakeWorld(NOW);
  await plant(f);
  await createBackground(backgroundDeps(world)).start();
  const alarm = await fakeBrowser.alarms.get(WAKE_ALARM);
  return { world, alarm: alarm ? alarm.scheduledTime : null };
}

describe('acknowledgement timeouts cannot be silenced', () => {
  it('with clean data, each Sev 1 ticket is notified again once, naming the on-duty Escalation Director', async () => {
    const { world } = await wakeWith({});
    const again = world.shown.filter((n) => n.id.includes('|ack-timeout|'));
    expect(again.map((n) => n.id).sort()).toEqual(GOOD.map(timeoutId));
    for (const n of again) expect(n.message).toContain('On-duty Escalation Director: Blair Week-Two');
  });

  it('whatever is corrupt, every good ticket is notified again exactly once and an alarm is armed', async () => {
    await fc.assert(
      fc.asyncProperty(faults, async (f) => {
        const { world, alarm } = await wakeWith(f);
        const shown = world.shown.map((n) => n.id);
        for (const id of GOOD) {
          expect(shown, `missing ${timeoutId(id)}; logs: ${world.logs.join(' | ')}`).toContain(timeoutId(id));
          const message = world.shown.find((n) => n.id === timeoutId(id))?.message ?? '';
          expect(message).toMatch(/^On-duty Escalation Director: /m);
        }
        expect(alarm ?? 0).toBeGreaterThan(Date.parse(NOW));
        // A second wake a minute later (the worker restarted: only storage remains) raises none of them again.
        world.clock.now = new Date(Date.parse(NOW) + 60_000);
        const before = world.shown.length;
        await createBackground(backgroundDeps(world)).start();
        expect(world.shown.slice(before).filter((n) => n.id.includes('|ack-timeout|l2|') && GOOD.some((id) => n.id === timeoutId(id)))).toEqual([]);
      }),
      { numRuns: 40 },
    );
  }, 120_000);
});

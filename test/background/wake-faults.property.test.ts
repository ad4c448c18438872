import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { createBackground, WAKE_ALARM } from '../../lib/background';
import type { TicketJson } from '../../lib/engine/ticket-schema';
import { directoryItem, setStorageProblemSink, watchedTicketsItem, type WatchedStore } from '../../lib/storage';
import { watchedTicketKey } from '../../lib/storage/watched-ticket-schema';
import { sampleDirectory } from '../people/directory-fixture';
import { watchedTicket } from '../storage/watched-ticket-builders';
import { backgroundDeps, type FakeWorld, fakeWorld } from './fake-ports';
import sample from '../fixtures/policy.sample.json';

/**
 * Fault injection: random corrupt directories, policies, settings and store entries are written
 * into storage (as a careless import, an older build or a hostile page could leave them), then
 * the background wakes. Whatever they are, every Sev 1 notification that does not depend on the
 * bad value is shown, and an alarm is armed for later.
 */

const NOW = '2026-07-14T14:00:30Z'; // Sev 1 tickets opened 08:00 UTC reached the director level at 14:00
const GOOD: Array<Partial<TicketJson>> = [
  { id: '1001', office: 'hq' },
  { id: '1002', office: 'shanghai' },
  { system: 'jira', id: 'OPS-7', office: 'hq' },
  { id: '1003', office: 'hq', severity: 3 },
];

const PROTOTYPE_NAMES = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf'];
const id = fc.oneof(fc.constantFrom(...PROTOTYPE_NAMES, 'hq', 'shanghai', '*', ''), fc.string({ maxLength: 12 }));
const badZone = fc.oneof(fc.constantFrom('Mars/Olympus', 'Not/AZone', '+08:00', 'utc+8', '', 'Etc/GMT+99'), fc.string({ maxLength: 20 }));
const anyJson = fc.jsonValue({ maxDepth: 3 });

/** An object literal with an own key that may be `__proto__` (JSON.parse makes it an own property). */
const withKey = (key: string, value: unknown): Record<string, unknown> => JSON.parse(`{${JSON.stringify(key)}:${JSON.stringify(value ?? null)}}`);

const person = fc.oneof(
  fc.record({ name: fc.string({ maxLength: 10 }) }),
  anyJson,
  fc.constant({ name: 'Real Person', email: 'real@example.com' }),
);

const rotation = fc.record({
  anchorDate: fc.oneof(fc.constant('2026-03-02'), fc.constantFrom('0000-01-01', '9999-12-31', '2026-02-30'), fc.string({ maxLength: 10 })),
  handoverTime: fc.oneof(fc.constant('09:00'), fc.constantFrom('24:00', '9:00', '23:59')),
  timeZone: fc.oneof(badZone, fc.constant('Asia/Shanghai')),
  people: fc.oneof(fc.array(person, { maxLength: 3 }), anyJson),
});

const corruptDirectory = fc.record({
  role: fc.oneof(id, fc.constantFrom('escalation-director', 'sales-rep', 'district-sales-manager')),
  office: id,
  people: fc.oneof(fc.array(person, { maxLength: 3 }), anyJson),
  rotationOffice: id,
  rotation: fc.oneof(rotation, anyJson),
});

const badDuration = fc.constantFrom<unknown>(
  { minutes: 1e300 },
  { hours: 1e20 },
  { businessDays: 1_000_000 },
  { businessHours: 1e12 },
  { minutes: -5 },
  { minutes: Number.MAX_VALUE },
);

/** A copy of the sample policy with one thing wrong that must make it refused. */
const corruptPolicy = fc.oneof(
  badDuration.map((d) => ({ ...sample, severities: { ...sample.severities, '1': { ...sample.severities['1'], response: d } } })),
  badDuration.map((d) => ({
    ...sample,
    severities: { ...sample.severities, '1': { ...sample.severities['1'], escalate: { ...sample.severities['1'].escalate, director: d } } },
  })),
  fc.constantFrom(...PROTOTYPE_NAMES).map((name) => ({ ...sample, defaultOffice: name })),
  fc.constantFrom(...PROTOTYPE_NAMES).map((name) => ({ ...sample, roles: { ...sample.roles, ...withKey(name, { name: 'X', kind: 'notify' }) } })),
  fc.constantFrom(...PROTOTYPE_NAMES).map((name) => ({ ...sample, offices: { ...sample.offices, ...withKey(name, sample.offices.hq) } })),
  badZone.map((zone) => ({ ...sample, offices: { ...sample.offices, hq: { ...sample.offices.hq, timeZone: zone } } })),
  anyJson,
);

const corruptSettings = fc.record({
  quietZone: badZone,
  reminderMinutes: fc.oneof(fc.integer(), fc.double(), anyJson),
  warnBefore: fc.oneof(fc.integer({ min: -10, max: 100_000 }), anyJson),
});

const isoOrJunk = fc.oneof(
  fc.constantFrom('2026-07-14T08:00:00.000Z', '+275760-09-13T00:00:00.000Z', '-271821-04-20T00:00:00.000Z', '0000-01-01T00:00:00Z', 'yesterday'),
  fc.string({ maxLength: 8 }),
);

/** An entry that looks like a ticket but carries one or more hostile values. */
const corruptTicket = fc.record({
    id: fc.oneof(fc.constantFrom(...PROTOTYPE_NAMES), fc.stringMatching(/^[1-9]\d{0,5}$/)),
    office: id,
    createdAt: isoOrJunk,
    severity: fc.constantFrom<unknown>(1, 2, 3, 4, 0, 7, null, '1'),
    fetchedAt: isoOrJunk,
    snoozedUntil: fc.option(isoOrJunk, { nil: undefined }),
    shownKey: fc.string({ maxLength: 30 }),
    shownAt: isoOrJunk,
    history: fc.oneof(fc.constant([]), fc.array(anyJson, { maxLength: 3 })),
    title: fc.oneof(fc.string({ maxLength: 10 }), fc.constant('x'.repeat(50_000))),
  });
type CorruptTicket = typeof corruptTicket extends fc.Arbitrary<infer T> ? T : never;
const corruptEntry = fc.oneof(anyJson, corruptTicket.map((fault) => ({ corruptTicket: fault })));

const faults = fc.record(
  {
    directory: corruptDirectory,
    policy: corruptPolicy,
    settings: corruptSettings,
    entries: fc.array(corruptEntry, { minLength: 1, maxLength: 3 }),
  },
  { requiredKeys: [] },
);
type Faults = typeof faults extends fc.Arbitrary<infer T> ? T : never;

function goodStore(): WatchedStore {
  const store: WatchedStore = {};
  for (const ticket of GOOD) {
    const entry = watchedTicket({}, ticket);
    store[watchedTicketKey(entry.ticket)] = entry;
  }
  return store;
}

function storageArea(key: string): { area: 'local' | 'sync'; name: string } {
  const [area, name] = key.split(':') as ['local' | 'sync', string];
  return { area, name };
}

async function setRaw(key: string, value: unknown): Promise<void> {
  const { area, name } = storageArea(key);
  await fakeBrowser.storage[area].set({ [name]: value });
}


function entryFrom(planted: Exclude<Faults['entries'], undefined>[number]): unknown {
  if (typeof planted !== 'object' || planted === null || !('corruptTicket' in planted)) return planted;
  const fault = planted.corruptTicket as CorruptTicket;
  const entry = watchedTicket(
    { fetchedAt: fault.fetchedAt, shown: withKey(fault.shownKey, fault.shownAt) as Record<string, string> },
    { id: fault.id, office: fault.office, severity: fault.severity as 1, title: fault.title, history: fault.history as [] },
  );
  const ticket = { ...entry.ticket, createdAt: fault.createdAt };
  return { ...entry, ticket, ...(fault.snoozedUntil !== undefined ? { snoozedUntil: fault.snoozedUntil } : {}) };
}

async function plant(f: Faults): Promise<void> {
  await directoryItem.set(sampleDirectory());
  await watchedTicketsItem.set(goodStore());
  if (f.directory) {
    const directory = structuredClone(sampleDirectory()) as unknown as Record<string, Record<string, unknown>>;
    Object.assign(directory.roles as object, withKey(f.directory.role, withKey(f.directory.office, f.directory.people)));
    Object.assign(directory.directorRotations as object, withKey(f.directory.rotationOffice, f.directory.rotation));
    await setRaw(directoryItem.key, directory);
  }
  if (f.policy !== undefined) {
    await setRaw('local:userPolicy', { policy: f.policy, savedAt: '2026-07-14T08:00:00.000Z' });
  }
  if (f.settings) {
    await setRaw('sync:notificationSettings', {
      warnBeforeMinutes: { '1': f.settings.warnBefore },
      quietHours: { enabled: true, start: '00:00', end: '00:00', days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], timeZone: f.settings.quietZone },
      sound: true,
      reminderMinutes: f.settings.reminderMinutes,
    });
  }
  if (f.entries) {
    // Each planted entry under its own storage key, as the store keeps tickets (v4).
    for (const [index, fault] of f.entries.entries()) {
      const entry = entryFrom(fault);
      const ticket = (entry as { ticket?: { system?: unknown; id?: unknown } } | null)?.ticket;
      const key = ticket && typeof ticket.id === 'string' ? `zendesk:${ticket.id}@https://acme.zendesk.com` : `junk-${index}`;
      await fakeBrowser.storage.local.set({ [`watched:${key}`]: entry });
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

const sev1Shown = (world: FakeWorld) =>
  world.shown.map((n) => n.id).filter((nid) => !nid.includes(':1003|') && GOOD.some((t) => nid.startsWith(`${t.system ?? 'zendesk'}:`)));

let baseline: string[];

beforeEach(async () => {
  const { world } = await wakeWith({});
  baseline = world.shown.map((n) => n.id).filter((nid) => nid.includes('|level|'));
});

describe('the wake cannot die', () => {
  it('shows the clean baseline: each Sev 1 ticket reaches the director level', () => {
    expect(baseline.filter((nid) => nid.includes('|level|director|'))).toHaveLength(3);
  });

  it('whatever is corrupt, every Sev 1 level notification of the good tickets is shown and an alarm is armed', async () => {
    await fc.assert(
      fc.asyncProperty(faults, async (f) => {
        const { world, alarm } = await wakeWith(f);
        const shown = world.shown.map((n) => n.id);
        for (const nid of baseline) expect(shown, `missing ${nid}; logs: ${world.logs.join(' | ')}`).toContain(nid);
        expect(alarm).not.toBeNull();
        expect(alarm ?? 0).toBeGreaterThan(Date.parse(NOW));
        expect(sev1Shown(world).length).toBeGreaterThanOrEqual(baseline.length);
      }),
      { numRuns: 60 },
    );
  }, 120_000);

  it('a rotation in a zone that does not exist still lets the director notification out, naming the role holder', async () => {
    const { world } = await wakeWith({
      directory: { role: 'x', office: 'hq', people: [], rotationOffice: 'hq', rotation: { anchorDate: '2026-03-02', handoverTime: '09:00', timeZone: 'Mars/Olympus', people: [{ name: 'A' }] } },
    });
    const director = world.shown.find((n) => n.id.startsWith('zendesk:1001@https://acme.zendesk.com|level|director|'));
    expect(director?.message).toContain('Fallback Director');
  });
});

describe('the next alarm is armed in a finally', () => {
  it('a wake that fails before it knows the next instant still arms one, a minute later', async () => {
    fakeBrowser.reset();
    const world = fakeWorld(NOW);
    await watchedTicketsItem.set(goodStore());
    world.ports.timeZone = () => {
      throw new RangeError('the browser has no time zone today');
    };
    await createBackground(backgroundDeps(world)).start();
    const alarm = await fakeBrowser.alarms.get(WAKE_ALARM);
    expect(alarm?.scheduledTime).toBe(Date.parse(NOW) + 60_000);
    expect(world.logs).toContain('wake failed');
  });

  it('a notification that cannot be built is not recorded as shown, and is tried again soon', async () => {
    fakeBrowser.reset();
    const world = fakeWorld(NOW);
    await watchedTicketsItem.set(goodStore());
    const t = world.ports.t;
    world.ports.t = (key, subs) => {
      if (key === 'notifLevelTitle' && subs?.[0] === '#1002') throw new Error('catalog broken for this one');
      return t(key, subs);
    };
    await createBackground(backgroundDeps(world)).start();
    const shown = world.shown.map((n) => n.id);
    expect(shown.some((nid) => nid.startsWith('zendesk:1001@https://acme.zendesk.com|level|director|'))).toBe(true);
    expect(shown.some((nid) => nid.startsWith('zendesk:1002@https://acme.zendesk.com|level|'))).toBe(false);
    const store = await watchedTicketsItem.get();
    const entry = Object.values(store).find((e) => e.ticket.id === '1002');
    expect(Object.keys(entry?.shown ?? {}).some((key) => key.includes('|level|director|'))).toBe(false);
    expect((await fakeBrowser.alarms.get(WAKE_ALARM))?.scheduledTime).toBeLessThanOrEqual(Date.parse(NOW) + 5 * 60_000);
    world.ports.t = t;
    world.clock.now = new Date(Date.parse(NOW) + 5 * 60_000);
    await createBackground(backgroundDeps(world)).start();
    expect(world.shown.some((n) => n.id.startsWith('zendesk:1002@https://acme.zendesk.com|level|director|'))).toBe(true);
  });
});

import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { backgroundIdle, createBackground, WAKE_ALARM } from '../../lib/background';
import { upcomingInstants } from '../../lib/alarms/next-wake';
import { evaluate } from '../../lib/engine/evaluate';
import { ticketFromJson, type TicketJson } from '../../lib/engine/ticket-schema';
import type { Ticket } from '../../lib/engine/types';
import { defaultPolicy } from '../../lib/policy';
import { defaultNotificationSettings, notificationSettingsItem, setStorageProblemSink, watchedTicketsItem, type WatchedStore } from '../../lib/storage';
import { setParsedItemCaching } from '../../lib/storage/parsed-item';
import { wakePlanItem } from '../../lib/storage/wake-plan-item';
import { watchedEntryKey } from '../../lib/storage/watched-ticket-schema';
import { nextStateChangeAt } from '../../lib/view-model/ticket-view';
import { dueOptions } from '../alarms/alarm-fixtures';
import { watchedTicket } from '../storage/watched-ticket-builders';
import { backgroundDeps, type FakeWorld, fakeWorld, popupSender } from './fake-ports';

/**
 * Issue 11 item 7 (b): a wake evaluates only the tickets whose next instant has come (or that
 * changed), not all 2,000 — and never misses one: run against a wake that evaluates every ticket
 * (a new background each time), it shows the same notifications, records the same keys, sets
 * the same badge and arms the same alarm, wake after wake.
 */

const T0 = Date.parse('2026-07-14T06:00:00.000Z');
const MINUTE = 60_000;
const OFFICES = ['hq', 'shanghai', 'taichung', 'singapore', 'malaysia'] as const;
const ROLES = ['sales-rep', 'district-sales-manager', 'escalation-director'] as const;
const iso = (ms: number) => new Date(ms).toISOString();

interface Spec {
  severity: 1 | 2 | 3 | 4;
  office: (typeof OFFICES)[number];
  openedMinutesBefore: number;
  replyAfterMinutes: number | null;
  waiting: boolean;
  acknowledged: string[];
  snoozeMinutes: number | null;
}

const spec: fc.Arbitrary<Spec> = fc.record({
  severity: fc.constantFrom(1 as const, 2 as const, 3 as const, 4 as const),
  office: fc.constantFrom(...OFFICES),
  openedMinutesBefore: fc.integer({ min: 0, max: 3 * 1440 }),
  replyAfterMinutes: fc.option(fc.integer({ min: 1, max: 600 }), { nil: null }),
  waiting: fc.boolean(),
  acknowledged: fc.subarray([...ROLES]),
  snoozeMinutes: fc.option(fc.integer({ min: 1, max: 240 }), { nil: null }),
});

type Step = { kind: 'wake'; afterMinutes: number } | { kind: 'acknowledge'; ticket: number; role: string } | { kind: 'add'; spec: Spec };
const step: fc.Arbitrary<Step> = fc.oneof(
  // A ticket newly watched (a page's read): at the store's cap, the wake drops one in the store's drop order.
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('add' as const), spec }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('wake' as const), afterMinutes: fc.integer({ min: 0, max: 180 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('acknowledge' as const), ticket: fc.nat(), role: fc.constantFrom(...ROLES) }) },
);

interface Settings {
  /** The store's cap: the default, or small enough that added tickets push it over. */
  maxTickets: number;
  reminderMinutes: number;
  quiet: { start: number; hours: number } | null;
}
const settings: fc.Arbitrary<Settings> = fc.record({
  maxTickets: fc.constantFrom(2000, 4),
  reminderMinutes: fc.constantFrom(0, 30),
  quiet: fc.option(fc.record({ start: fc.integer({ min: 0, max: 23 }), hours: fc.integer({ min: 1, max: 10 }) }), { nil: null }),
});

function ticketOf(index: number, s: Spec): TicketJson {
  const opened = T0 - s.openedMinutesBefore * MINUTE;
  const history: TicketJson['history'] = [];
  if (s.replyAfterMinutes !== null && opened + s.replyAfterMinutes * MINUTE <= T0) history.push({ at: iso(opened + s.replyAfterMinutes * MINUTE), kind: 'publicReply' });
  if (s.waiting) history.push({ at: iso(T0 - MINUTE), kind: 'status', to: 'waiting' });
  const id = String(1000 + index);
  return {
    system: 'zendesk',
    id,
    url: `https://acme.zendesk.com/agent/tickets/${id}`,
    title: `Ticket ${id}`,
    createdAt: iso(opened),
    severity: s.severity,
    status: s.waiting ? 'waiting' : 'active',
    office: s.office,
    workaround: false,
    history,
  };
}

function storeOf(specs: readonly Spec[]): WatchedStore {
  const store: WatchedStore = {};
  specs.forEach((s, index) => {
    const entry = watchedTicket(
      {
        acknowledged: Object.fromEntries(s.acknowledged.map((role) => [role, { at: iso(T0), by: 'local' as const }])),
        ...(s.snoozeMinutes !== null ? { snoozedUntil: iso(T0 + s.snoozeMinutes * MINUTE) } : {}),
      },
      ticketOf(index, s),
    );
    store[watchedEntryKey(entry)] = entry;
  });
  return store;
}

/** Forty tickets of every severity and office, opened 37 minutes apart, a third of them answered. */
function fortyTickets(): Spec[] {
  return Array.from({ length: 40 }, (_, i) => ({
    severity: ((i % 4) + 1) as 1 | 2 | 3 | 4,
    office: OFFICES[i % OFFICES.length] as Spec['office'],
    openedMinutesBefore: i * 37,
    replyAfterMinutes: i % 3 === 0 ? 20 : null,
    waiting: false,
    acknowledged: [],
    snoozeMinutes: null,
  }));
}

/** The ids of the stored tickets with an instant in (from, to], by the engine and the alarm rules on their own. */
function dueBetween(stored: WatchedStore, from: Date, to: Date): string[] {
  const options = dueOptions({ reminderMinutes: defaultNotificationSettings.reminderMinutes, ackTimeouts: defaultNotificationSettings.ackTimeoutMinutes });
  return Object.values(stored)
    .filter((entry) => {
      const ticket = ticketFromJson(entry.ticket);
      const evaluation = evaluate(ticket, defaultPolicy, from, Object.keys(entry.acknowledged));
      const item = { key: watchedEntryKey(entry), ticket, evaluation, shown: entry.shown };
      const instants = [...upcomingInstants([item], from, options), nextStateChangeAt(evaluation, from)].filter((d): d is Date => d !== null);
      return instants.some((d) => d.getTime() <= to.getTime());
    })
    .map((entry) => entry.ticket.id);
}

interface Observed {
  shown: string[];
  alarm: number | null;
  badge: string;
  recorded: Record<string, string[]>;
}

/**
 * How the steps are played:
 * - 'live': one background throughout (due-only wakes, its plan in memory);
 * - 'new-worker': a new background per step, as when Chrome stopped the idle worker: it reads the
 *   plan the last wake stored and, with no in-memory copy of the store, the entries it needs;
 * - 'full': a new background per step with the stored plan removed first: every ticket evaluated (the reference).
 */
type Mode = 'live' | 'new-worker' | 'full';

/** Plays the steps in one mode. */
async function play(specs: readonly Spec[], { maxTickets, reminderMinutes, quiet }: Settings, steps: readonly Step[], mode: Mode): Promise<{ observed: Observed[]; evaluations: number }> {
  fakeBrowser.reset();
  setStorageProblemSink(() => undefined);
  setParsedItemCaching(mode !== 'new-worker');
  const world: FakeWorld = fakeWorld(iso(T0));
  const pad = (h: number) => `${String(h % 24).padStart(2, '0')}:00`;
  await notificationSettingsItem.set({
    ...defaultNotificationSettings,
    reminderMinutes,
    quietHours: quiet
      ? { ...defaultNotificationSettings.quietHours, enabled: true, start: pad(quiet.start), end: pad(quiet.start + quiet.hours), timeZone: 'UTC' }
      : defaultNotificationSettings.quietHours,
  });
  await watchedTicketsItem.set(storeOf(specs));
  let evaluations = 0;
  const deps = backgroundDeps(world, {
    evaluate: (...args: Parameters<typeof evaluate>) => {
      evaluations++;
      return evaluate(...args);
    },
    limits: { store: { maxTickets } },
  });
  let added = 0;
  let background = createBackground(deps);
  const observed: Observed[] = [];
  const observe = async () => {
    const store = await watchedTicketsItem.get();
    observed.push({
      shown: world.shown.map((n) => `${n.id} ${n.title} ${n.message}`),
      alarm: (await fakeBrowser.alarms.get(WAKE_ALARM))?.scheduledTime ?? null,
      badge: world.badge.text,
      recorded: Object.fromEntries(Object.entries(store).map(([key, entry]) => [key, Object.keys(entry.shown).sort()])),
    });
  };
  for (const st of steps) {
    if (mode === 'full') await wakePlanItem.remove();
    if (mode !== 'live') background = createBackground(deps);
    if (st.kind === 'wake') {
      world.clock.now = new Date(world.clock.now.getTime() + st.afterMinutes * MINUTE);
      await background.start();
    } else if (st.kind === 'add') {
      const entry = watchedTicket({ lastSeenAt: world.clock.now.toISOString() }, ticketOf(100 + added++, st.spec));
      await watchedTicketsItem.update((store) => ({ ...store, [watchedEntryKey(entry)]: entry }));
      await background.start();
    } else {
      const id = String(1000 + (st.ticket % specs.length));
      await background.onMessage(
        { type: 'ticket:acknowledge', ticket: { system: 'zendesk', id, origin: 'https://acme.zendesk.com' }, role: st.role },
        popupSender(),
      );
      await backgroundIdle();
    }
    await observe();
  }
  return { observed, evaluations };
}

beforeEach(() => {
  fakeBrowser.reset();
  setStorageProblemSink(() => undefined);
});
afterEach(async () => {
  await backgroundIdle();
  setParsedItemCaching(false);
});

describe('a wake evaluates the due tickets only', () => {
  it('shows, records, badges and arms exactly what a wake over every ticket does, wake after wake, in a live worker and in new ones (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(spec, { minLength: 1, maxLength: 8 }), settings, fc.array(step, { minLength: 1, maxLength: 8 }), async (specs, s, steps) => {
        const all = [{ kind: 'wake' as const, afterMinutes: 0 }, ...steps];
        const full = await play(specs, s, all, 'full');
        const live = await play(specs, s, all, 'live');
        const newWorkers = await play(specs, s, all, 'new-worker');
        expect(live.observed).toEqual(full.observed);
        expect(newWorkers.observed).toEqual(full.observed);
        expect(live.evaluations).toBeLessThanOrEqual(full.evaluations);
        expect(newWorkers.evaluations).toBeLessThanOrEqual(full.evaluations);
      }),
      { numRuns: 40 },
    );
  }, 300_000);

  it('the second wake evaluates exactly the tickets whose next instant came, and a ticket acknowledged meanwhile', async () => {
    setParsedItemCaching(true);
    const world = fakeWorld(iso(T0));
    const specs = fortyTickets();
    await watchedTicketsItem.set(storeOf(specs));
    const evaluated: string[] = [];
    const background = createBackground(
      backgroundDeps(world, {
        evaluate: (ticket: Ticket, ...rest) => {
          evaluated.push(ticket.id);
          return evaluate(ticket, ...rest);
        },
      }),
    );
    await background.start();
    expect(new Set(evaluated).size).toBe(40); // a new worker's first wake: every ticket

    // A ticket acknowledged meanwhile: the wake that follows evaluates that one ticket.
    const t1 = new Date(T0);
    const acknowledged = '1005';
    evaluated.length = 0;
    await background.onMessage(
      { type: 'ticket:acknowledge', ticket: { system: 'zendesk', id: acknowledged, origin: 'https://acme.zendesk.com' }, role: 'sales-rep' },
      popupSender(),
    );
    await backgroundIdle();
    expect([...new Set(evaluated)]).toEqual([acknowledged]); // the acknowledgement may evaluate it too (the escalation record)

    // Which tickets have an instant in (t1, t2], by the engine and the alarm rules on their own.
    const t2 = new Date(T0 + 25 * MINUTE);
    const due = dueBetween(await watchedTicketsItem.get(), t1, t2);
    expect(due.length).toBeGreaterThan(0);
    expect(due.length).toBeLessThan(40);

    evaluated.length = 0;
    world.clock.now = t2;
    await background.start();
    expect([...new Set(evaluated)].sort()).toEqual(due.sort());
  });

  it("a new worker's wake reads the store's metadata, the plan and the due tickets' entries, never every entry", async () => {
    setParsedItemCaching(true);
    const world = fakeWorld(iso(T0));
    const specs = fortyTickets();
    await watchedTicketsItem.set(storeOf(specs));
    const evaluated: string[] = [];
    const deps = backgroundDeps(world, {
      evaluate: (ticket: Ticket, ...rest) => {
        evaluated.push(ticket.id);
        return evaluate(ticket, ...rest);
      },
    });
    await createBackground(deps).start();
    await fakeBrowser.notifications.getAll().then(async (all) => {
      for (const id of Object.keys(all)) await fakeBrowser.notifications.clear(id);
    });

    // Which tickets have an instant in (T0, t2], by the engine and the alarm rules on their own.
    const t2 = new Date(T0 + 25 * MINUTE);
    const due = dueBetween(await watchedTicketsItem.get(), new Date(T0), t2);
    expect(due.length).toBeGreaterThan(0);
    expect(due.length).toBeLessThan(40);

    // A new worker: nothing of the store or the plan in memory (caching off: every read goes to storage).
    setParsedItemCaching(false);
    const gets: unknown[] = [];
    const get = fakeBrowser.storage.local.get.bind(fakeBrowser.storage.local);
    const spy = vi.spyOn(fakeBrowser.storage.local, 'get').mockImplementation(((keys?: unknown) => {
      gets.push(keys ?? null);
      return get(keys as string[]);
    }) as typeof fakeBrowser.storage.local.get);
    try {
      evaluated.length = 0;
      world.clock.now = t2;
      await createBackground(deps).start();
    } finally {
      spy.mockRestore();
    }
    expect([...new Set(evaluated)].sort()).toEqual(due.sort());
    expect(gets.filter((keys) => keys === null)).toEqual([]); // never the whole storage
    const entryKeysRead = new Set(gets.flatMap((keys) => (Array.isArray(keys) ? keys : typeof keys === 'string' ? [keys] : [])).filter((key: string) => key.startsWith('watched:')));
    expect([...entryKeysRead].map((key) => key.slice('watched:zendesk:'.length).split('@')[0]).sort()).toEqual(due.sort());
  });

  it('a ticket whose entry changes while the wake evaluates it is evaluated again by the next wake', async () => {
    setParsedItemCaching(true);
    const world = fakeWorld(iso(T0));
    const quiet: Spec = { severity: 3, office: 'hq', openedMinutesBefore: 600, replyAfterMinutes: 5, waiting: false, acknowledged: [], snoozeMinutes: null };
    await watchedTicketsItem.set(storeOf([quiet, quiet, quiet]));
    const key = 'zendesk:1000@https://acme.zendesk.com';
    const evaluated: string[] = [];
    let whileEvaluating: (() => void) | null = null;
    const background = createBackground(
      backgroundDeps(world, {
        evaluate: (ticket: Ticket, ...rest) => {
          evaluated.push(ticket.id);
          const hook = whileEvaluating;
          whileEvaluating = null;
          hook?.();
          return evaluate(ticket, ...rest);
        },
      }),
    );
    await background.start();
    const stored = (await watchedTicketsItem.get())[key];
    if (!stored) throw new Error('not stored');
    // A page's read of the ticket lands while the next wake is evaluating it: now Sev 1, long overdue.
    await watchedTicketsItem.update((store) => ({ ...store, [key]: { ...stored, lastSeenAt: iso(T0 + MINUTE) } }));
    whileEvaluating = () => {
      void watchedTicketsItem.update((store) => ({ ...store, [key]: { ...stored, ticket: { ...stored.ticket, severity: 1 } } }));
    };
    world.clock.now = new Date(T0 + MINUTE);
    await background.start();
    expect(world.shown.filter((n) => n.id.startsWith(`${key}|`))).toEqual([]); // that wake evaluated the older read
    evaluated.length = 0;
    await background.start();
    expect(evaluated).toContain('1000');
    expect(world.shown.filter((n) => n.id.startsWith(`${key}|`)).length).toBeGreaterThan(0); // its level (or its acknowledgement timeout)
  });
});

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { setStorageProblemSink, type StorageProblem } from '../../lib/storage';
import { escalationRecordItem, ticketRecordSchema, type TicketRecord } from '../../lib/storage/escalation-record';
import { readTickets } from '../../lib/storage/escalation-record-check';
import { SHARD_KEYS, shardKey, shardOf } from '../../lib/storage/escalation-record-shards';
import { knownRecordSize } from '../../lib/storage/escalation-record-size';
import { setParsedItemCaching } from '../../lib/storage/parsed-item';

let problems: StorageProblem[];

beforeEach(() => {
  fakeBrowser.reset();
  problems = [];
  setStorageProblemSink((problem) => problems.push(problem));
});

const good = (id: string): TicketRecord => ({
  system: 'zendesk',
  id,
  title: 'Database unavailable',
  url: `https://acme.zendesk.com/agent/tickets/${id}`,
  severity: 1,
  levels: [{ level: 2, levelId: 'l2', at: '2026-07-14T10:00:00.000Z' }],
  notifications: [],
  acknowledgements: [
    { role: 'sales-rep', level: 2, levelStartedAt: '2026-07-14T10:00:00.000Z', at: '2026-07-14T10:12:00.000Z', how: 'button', person: 'Jane Doe', channel: null, noteWritten: true },
  ],
  updatedAt: '2026-07-14T10:12:00.000Z',
});

const broken = () => ({ ...good('2'), acknowledgements: [{ ...good('2').acknowledgements[0], how: 'telepathy' }] });

const K1 = 'zendesk:1@https://acme.zendesk.com';
const K2 = 'zendesk:2@https://acme.zendesk.com';
const K3 = 'zendesk:3@https://acme.zendesk.com';
const KJ = 'jira:OPS-7@https://acme.atlassian.net';
const jira = (): TicketRecord => ({ ...good('OPS-7'), system: 'jira', severity: null });

/** Every shard key and the metadata, as storage holds them. */
const storedShards = async () => fakeBrowser.storage.local.get([...SHARD_KEYS, 'escalationRecord$']);
/** The record the shards hold, each shard's JSON text parsed and merged. */
const shardedRecord = async () => {
  const stored = await storedShards();
  const record: Record<string, unknown> = {};
  for (const key of SHARD_KEYS) if (typeof stored[key] === 'string') Object.assign(record, JSON.parse(stored[key]));
  return record;
};
/** Ticket keys, one per shard in the order found, for tests that need tickets in different shards. */
const keysInDistinctShards = (count: number): string[] => {
  const keys: string[] = [];
  const used = new Set<number>();
  for (let n = 1; keys.length < count; n++) {
    const key = `zendesk:${n}@https://acme.zendesk.com`;
    if (!used.has(shardOf(key))) {
      used.add(shardOf(key));
      keys.push(key);
    }
  }
  return keys;
};

describe('the escalation record in storage (local:escalationRecord, v3: shards of JSON text)', () => {
  it('round-trips, validated', async () => {
    await escalationRecordItem.set({ [K1]: good('1') });
    expect(await escalationRecordItem.get()).toEqual({ [K1]: good('1') });
    await expect(escalationRecordItem.set({ x: { ...good('2'), severity: 7 } as unknown as TicketRecord })).rejects.toThrow(/x\.severity/);
  });

  it('is stored as 64 shard keys of JSON text, each ticket in the shard its key hashes to, with the metadata', async () => {
    await escalationRecordItem.set({ [K1]: good('1'), [KJ]: jira() });
    const stored = await storedShards();
    expect(SHARD_KEYS).toHaveLength(64);
    expect(SHARD_KEYS[0]).toBe('escalationRecord#00');
    expect(SHARD_KEYS[63]).toBe('escalationRecord#63');
    expect(stored.escalationRecord$).toMatchObject({ v: 3, n: 64 });
    expect(JSON.parse(stored[shardKey(shardOf(K1))] as string)).toMatchObject({ [K1]: good('1') });
    expect(JSON.parse(stored[shardKey(shardOf(KJ))] as string)).toMatchObject({ [KJ]: jira() });
    expect(await shardedRecord()).toEqual({ [K1]: good('1'), [KJ]: jira() });
    expect((await fakeBrowser.storage.local.get('escalationRecord')).escalationRecord).toBeUndefined();
  });

  it('an update writes only the shard of the ticket it changed, with the metadata, in one set', async () => {
    const [a, b, c] = keysInDistinctShards(3) as [string, string, string];
    await escalationRecordItem.set({ [a]: good('1'), [b]: good('2'), [c]: good('3') });
    const calls: string[][] = [];
    const set = fakeBrowser.storage.local.set.bind(fakeBrowser.storage.local);
    const spy = vi.spyOn(fakeBrowser.storage.local, 'set').mockImplementation((items: Record<string, unknown>) => {
      calls.push(Object.keys(items).sort());
      return set(items);
    });
    try {
      await escalationRecordItem.update((record) => ({ ...record, [b]: { ...good('2'), title: 'Payments down' } }));
      expect(calls).toEqual([[shardKey(shardOf(b)), 'escalationRecord$'].sort()]);
      // A ticket removed: its shard only, written without it.
      calls.length = 0;
      await escalationRecordItem.update(({ [c]: _gone, ...rest }) => rest);
      expect(calls).toEqual([[shardKey(shardOf(c)), 'escalationRecord$'].sort()]);
    } finally {
      spy.mockRestore();
    }
    expect(await shardedRecord()).toEqual({ [a]: good('1'), [b]: { ...good('2'), title: 'Payments down' } });
    expect(await escalationRecordItem.get()).toEqual({ [a]: good('1'), [b]: { ...good('2'), title: 'Payments down' } });
  });

  it('a corrupt ticket in one shard is dropped with a reason naming it and the field at fault; every other ticket, in its shard and the others, is kept', async () => {
    // Two tickets sharing the corrupt one's shard, one elsewhere.
    const brokenKey = K2;
    const sameShard = Array.from({ length: 2000 }, (_, n) => `zendesk:${100 + n}@https://acme.zendesk.com`).find((key) => shardOf(key) === shardOf(brokenKey))!;
    const otherShard = keysInDistinctShards(64).find((key) => shardOf(key) !== shardOf(brokenKey))!;
    await escalationRecordItem.set({ [sameShard]: good('100'), [otherShard]: good('1') });
    const shard = shardKey(shardOf(brokenKey));
    const text = (await fakeBrowser.storage.local.get(shard))[shard] as string;
    await fakeBrowser.storage.local.set({ [shard]: JSON.stringify({ ...(JSON.parse(text) as object), [brokenKey]: broken() }) });
    expect(Object.keys(await escalationRecordItem.get()).sort()).toEqual([sameShard, otherShard].sort());
    expect(problems.map((p) => p.reason).join('\n')).toMatch(new RegExp(`ticket ${brokenKey.replace(/[.:/]/g, '\\$&')} dropped: acknowledgements\\.\\[0\\]\\.how`));
    // Written back without it, so the next read is clean.
    problems = [];
    expect(Object.keys(await escalationRecordItem.get()).sort()).toEqual([sameShard, otherShard].sort());
    expect(problems).toEqual([]);
    expect(Object.keys(JSON.parse((await fakeBrowser.storage.local.get(shard))[shard] as string) as object)).toEqual([sameShard]);
  });

  it('a shard that is not a ticket map, or not JSON, says so; the other shards are kept', async () => {
    const [a, b] = keysInDistinctShards(2) as [string, string];
    await escalationRecordItem.set({ [a]: good('1'), [b]: good('2') });
    await fakeBrowser.storage.local.set({ [shardKey(shardOf(b))]: JSON.stringify(['not', 'a', 'map']) });
    expect(await escalationRecordItem.get()).toEqual({ [a]: good('1') });
    expect(problems.map((p) => p.reason).join('\n')).toMatch(/not a map of tickets/);
    await fakeBrowser.storage.local.set({ [shardKey(shardOf(a))]: '{"zendesk:1@' });
    expect(await escalationRecordItem.get()).toEqual({});
    expect(problems.map((p) => p.reason).join('\n')).toMatch(/not JSON/);
  });

  it('a value stored by a newer version is read as far as it parses, and said', async () => {
    await escalationRecordItem.set({ [K1]: good('1') });
    await fakeBrowser.storage.local.set({ escalationRecord$: { v: 4, n: 64 } });
    expect(Object.keys(await escalationRecordItem.get())).toEqual([K1]);
    expect(problems.map((p) => p.reason).join('\n')).toMatch(/stored by a newer version \(v4\)/);
  });

  it('an update validates the tickets it changed and refuses a bad one by name, storing nothing', async () => {
    await escalationRecordItem.set({ [K1]: good('1') });
    const before = await storedShards();
    await expect(
      escalationRecordItem.update((record) => ({ ...record, [K3]: { ...good('3'), levels: [{ level: 0, levelId: 'l0', at: 'yesterday' }] } })),
    ).rejects.toThrow(/zendesk:3@https:\/\/acme\.zendesk\.com\.levels\.\[0\]\.level/);
    expect(await storedShards()).toEqual(before);
  });
});

describe('v2 (one JSON text) and v1 (one object) migrate to v3', () => {
  const many = (): Record<string, TicketRecord> => Object.fromEntries(Array.from({ length: 300 }, (_, n) => [`zendesk:${n + 1}@https://acme.zendesk.com`, good(String(n + 1))]));

  it('v2: every ticket is kept, written as shards and metadata in one set, then the old key removed', async () => {
    const v2 = { ...many(), [KJ]: jira() };
    await fakeBrowser.storage.local.set({ escalationRecord: JSON.stringify(v2), escalationRecord$: { v: 2 } });
    const calls: string[][] = [];
    const set = fakeBrowser.storage.local.set.bind(fakeBrowser.storage.local);
    const spy = vi.spyOn(fakeBrowser.storage.local, 'set').mockImplementation((items: Record<string, unknown>) => {
      calls.push(Object.keys(items));
      return set(items);
    });
    try {
      expect(await escalationRecordItem.get()).toEqual(v2);
    } finally {
      spy.mockRestore();
    }
    expect(calls).toHaveLength(1);
    expect(calls[0]!.sort()).toEqual([...SHARD_KEYS, 'escalationRecord$'].sort());
    expect(await shardedRecord()).toEqual(v2);
    expect((await storedShards()).escalationRecord$).toMatchObject({ v: 3, n: 64 });
    expect((await fakeBrowser.storage.local.get('escalationRecord')).escalationRecord).toBeUndefined();
    expect(problems).toEqual([]);
    expect(await escalationRecordItem.get()).toEqual(v2);
  });

  it('v1: every ticket that parses is kept, the one that does not is reported by name, and the record is stored as shards', async () => {
    const kept = { ...many(), [KJ]: jira() };
    await fakeBrowser.storage.local.set({ escalationRecord: { ...kept, 'zendesk:x@https://acme.zendesk.com': broken() }, escalationRecord$: { v: 1 } });
    expect(await escalationRecordItem.get()).toEqual(kept);
    expect(problems.map((p) => p.reason).join('\n')).toMatch(/ticket zendesk:x@https:\/\/acme\.zendesk\.com dropped: acknowledgements\.\[0\]\.how/);
    expect((await storedShards()).escalationRecord$).toMatchObject({ v: 3 });
    expect(await shardedRecord()).toEqual(kept);
    expect((await fakeBrowser.storage.local.get('escalationRecord')).escalationRecord).toBeUndefined();
  });

  it('a v1 record without its version (the earliest builds) migrates too', async () => {
    await fakeBrowser.storage.local.set({ escalationRecord: { [K1]: good('1') } });
    expect(await escalationRecordItem.get()).toEqual({ [K1]: good('1') });
    expect(await shardedRecord()).toEqual({ [K1]: good('1') });
    expect((await fakeBrowser.storage.local.get('escalationRecord')).escalationRecord).toBeUndefined();
  });
});

describe('the check without zod decides exactly as the schema', () => {
  const variants: Array<[string, unknown]> = [
    ['as written', good('1')],
    ['an instant with an offset', { ...good('1'), updatedAt: '2026-07-14T12:12:00+02:00' }],
    ['an instant without milliseconds', { ...good('1'), updatedAt: '2026-07-14T10:12:00Z' }],
    ['an impossible date', { ...good('1'), updatedAt: '2026-02-30T10:12:00.000Z' }],
    ['not an instant', { ...good('1'), updatedAt: '2026-07-14 10:12' }],
    ...['2024-02-29', '2026-02-29', '2000-02-29', '1900-02-29', '2026-04-31', '2026-13-01', '2026-00-10', '2026-12-31'].map(
      (date): [string, unknown] => [`the date ${date}`, { ...good('1'), updatedAt: `${date}T10:12:00.000Z` }],
    ),
    ...['24:00:00.000', '23:60:00.000', '23:59:60.000', '23:59:59.999', '00:00:00.000', '1a:00:00.000', '10:00:00.00x'].map(
      (time): [string, unknown] => [`the time ${time}`, { ...good('1'), levels: [{ level: 2, levelId: 'l2', at: `2026-07-14T${time}Z` }] }],
    ),
    ['an unknown field', { ...good('1'), colour: 'red' }],
    ['an unknown field in an entry', { ...good('1'), levels: [{ ...good('1').levels[0], extra: 1 }] }],
    ['a missing field', (({ url: _url, ...rest }) => rest)(good('1'))],
    ['level 0', { ...good('1'), levels: [{ level: 0, levelId: 'l0', at: '2026-07-14T10:00:00.000Z' }] }],
    ['level 2.5', { ...good('1'), levels: [{ level: 2.5, levelId: 'l2', at: '2026-07-14T10:00:00.000Z' }] }],
    ['severity 7', { ...good('1'), severity: 7 }],
    ['a title too long', { ...good('1'), title: 'x'.repeat(501) }],
    ['an empty role', { ...good('1'), notifications: [{ id: 'n', kind: 'level', at: '2026-07-14T10:00:00.000Z', level: 2, roles: [''] }] }],
    ['21 roles', { ...good('1'), notifications: [{ id: 'n', kind: 'level', at: '2026-07-14T10:00:00.000Z', level: 2, roles: Array.from({ length: 21 }, (_, i) => `r${i}`) }] }],
    ['an unknown kind', { ...good('1'), notifications: [{ id: 'n', kind: 'smoke', at: '2026-07-14T10:00:00.000Z', level: null, roles: [] }] }],
    ['a person too long', { ...good('1'), acknowledgements: [{ ...good('1').acknowledgements[0], person: 'p'.repeat(201) }] }],
    ['noteWritten as text', { ...good('1'), acknowledgements: [{ ...good('1').acknowledgements[0], noteWritten: 'yes' }] }],
    ['an array', [good('1')]],
    ['null', null],
  ];
  it.each(variants)('%s', (_name, ticket) => {
    const zod = ticketRecordSchema.safeParse(ticket);
    const reasons: string[] = [];
    const { record } = readTickets({ k: ticket }, (reason) => reasons.push(reason));
    if (zod.success) {
      expect(record).toEqual({ k: zod.data });
      expect(reasons).toEqual([]);
    } else {
      expect(record).toEqual({});
      expect(reasons).toEqual([expect.stringMatching(/^ticket k dropped: /)]);
    }
  });
});

describe('the background keeps the record in memory', () => {
  beforeEach(() => setParsedItemCaching(true));
  afterEach(() => setParsedItemCaching(false));

  it('reads storage once, and again after another context wrote a shard or the metadata', async () => {
    await escalationRecordItem.set({ [K1]: good('1') });
    const first = await escalationRecordItem.get();
    expect(await escalationRecordItem.get()).toBe(first);
    // Its own update keeps the record in memory (no read).
    const updated = await escalationRecordItem.update((record) => ({ ...record, [K3]: good('3') }));
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    try {
      expect(await escalationRecordItem.get()).toBe(updated);
      expect(get).not.toHaveBeenCalled();
    } finally {
      get.mockRestore();
    }
    // Another context writes one shard (no stamp of this context): the next read is from storage.
    await fakeBrowser.storage.local.set({ [shardKey(shardOf(K2))]: JSON.stringify({ [K2]: good('2') }) });
    expect(Object.keys(await escalationRecordItem.get()).sort()).toEqual([K1, K2, K3].sort());
    // Another context's set: shards and metadata stamped by it.
    await fakeBrowser.storage.local.set({ [shardKey(shardOf(K1))]: '{}', escalationRecord$: { v: 3, n: 64, w: 'other:1' } });
    expect(Object.keys(await escalationRecordItem.get()).sort()).toEqual([K2, K3].sort());
    await fakeBrowser.storage.local.remove([...SHARD_KEYS, 'escalationRecord$']);
    expect(await escalationRecordItem.get()).toEqual({});
  });

  it("knows the record's size from the shards' text lengths, as the caps measure it", async () => {
    const record = { [K1]: good('1'), [KJ]: jira() };
    await fakeBrowser.storage.local.set({ escalationRecord: JSON.stringify(record), escalationRecord$: { v: 2 } });
    await escalationRecordItem.get();
    // A new worker's first read of v3.
    setParsedItemCaching(false);
    setParsedItemCaching(true);
    await fakeBrowser.storage.local.set({ escalationRecord$: { v: 3, n: 64, w: 'other:2' } });
    const read = await escalationRecordItem.get();
    expect(knownRecordSize(read)).toBe(Object.entries(record).reduce((sum, [key, ticket]) => sum + key.length + JSON.stringify(ticket).length, 0));
  });
});

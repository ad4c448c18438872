import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { setStorageProblemSink, type StorageProblem } from '../../lib/storage';
import { escalationRecordItem, ticketRecordSchema, type TicketRecord } from '../../lib/storage/escalation-record';
import { readTickets } from '../../lib/storage/escalation-record-check';
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

describe('the escalation record in storage (local:escalationRecord, v2: JSON text)', () => {
  it('round-trips, validated', async () => {
    await escalationRecordItem.set({ 'zendesk:1@https://acme.zendesk.com': good('1') });
    expect(await escalationRecordItem.get()).toEqual({ 'zendesk:1@https://acme.zendesk.com': good('1') });
    await expect(escalationRecordItem.set({ x: { ...good('2'), severity: 7 } as unknown as TicketRecord })).rejects.toThrow(/x\.severity/);
  });

  it('is stored as JSON text with its version', async () => {
    await escalationRecordItem.set({ 'zendesk:1@https://acme.zendesk.com': good('1') });
    const stored = await fakeBrowser.storage.local.get(['escalationRecord', 'escalationRecord$']);
    expect(typeof stored.escalationRecord).toBe('string');
    expect(JSON.parse(stored.escalationRecord as string)).toEqual({ 'zendesk:1@https://acme.zendesk.com': good('1') });
    expect(stored.escalationRecord$).toEqual({ v: 2 });
  });

  it('a corrupt ticket is dropped with a reason naming it and the field at fault; every other ticket is kept', async () => {
    await fakeBrowser.storage.local.set({
      escalationRecord: JSON.stringify({ 'zendesk:1@https://acme.zendesk.com': good('1'), 'zendesk:2@https://acme.zendesk.com': broken() }),
      escalationRecord$: { v: 2 },
    });
    expect(Object.keys(await escalationRecordItem.get())).toEqual(['zendesk:1@https://acme.zendesk.com']);
    expect(problems.map((p) => p.reason).join('\n')).toMatch(/ticket zendesk:2@https:\/\/acme\.zendesk\.com dropped: acknowledgements\.\[0\]\.how/);
    // Written back without it, so the next read is clean.
    problems = [];
    expect(Object.keys(await escalationRecordItem.get())).toEqual(['zendesk:1@https://acme.zendesk.com']);
    expect(problems).toEqual([]);
  });

  it('a value that is not a ticket map, or not JSON, says so and reads as empty', async () => {
    await fakeBrowser.storage.local.set({ escalationRecord: JSON.stringify(['not', 'a', 'map']), escalationRecord$: { v: 2 } });
    expect(await escalationRecordItem.get()).toEqual({});
    expect(problems.map((p) => p.reason).join('\n')).toMatch(/not a map of tickets/);
    await fakeBrowser.storage.local.set({ escalationRecord: '{"zendesk:1@', escalationRecord$: { v: 2 } });
    expect(await escalationRecordItem.get()).toEqual({});
    expect(problems.map((p) => p.reason).join('\n')).toMatch(/not JSON/);
  });

  it('a value stored by a newer version is read as far as it parses, and said', async () => {
    await fakeBrowser.storage.local.set({ escalationRecord: JSON.stringify({ 'zendesk:1@https://acme.zendesk.com': good('1') }), escalationRecord$: { v: 3 } });
    expect(Object.keys(await escalationRecordItem.get())).toEqual(['zendesk:1@https://acme.zendesk.com']);
    expect(problems.map((p) => p.reason).join('\n')).toMatch(/stored by a newer version \(v3\)/);
  });

  it('an update validates the tickets it changed and refuses a bad one by name, storing nothing', async () => {
    await escalationRecordItem.set({ 'zendesk:1@https://acme.zendesk.com': good('1') });
    const before = (await fakeBrowser.storage.local.get('escalationRecord')).escalationRecord;
    await expect(
      escalationRecordItem.update((record) => ({ ...record, 'zendesk:3@https://acme.zendesk.com': { ...good('3'), levels: [{ level: 0, levelId: 'l0', at: 'yesterday' }] } })),
    ).rejects.toThrow(/zendesk:3@https:\/\/acme\.zendesk\.com\.levels\.\[0\]\.level/);
    expect((await fakeBrowser.storage.local.get('escalationRecord')).escalationRecord).toBe(before);
  });
});

describe('v1 (the record as one object) migrates to v2', () => {
  it('every ticket that parses is kept, the one that does not is reported by name, and the record is stored as text', async () => {
    const v1 = { 'zendesk:1@https://acme.zendesk.com': good('1'), 'jira:OPS-7@https://acme.atlassian.net': { ...good('OPS-7'), system: 'jira', severity: null }, 'zendesk:2@https://acme.zendesk.com': broken() };
    await fakeBrowser.storage.local.set({ escalationRecord: v1, escalationRecord$: { v: 1 } });
    expect(await escalationRecordItem.get()).toEqual({ 'zendesk:1@https://acme.zendesk.com': good('1'), 'jira:OPS-7@https://acme.atlassian.net': { ...good('OPS-7'), system: 'jira', severity: null } });
    expect(problems.map((p) => p.reason).join('\n')).toMatch(/ticket zendesk:2@https:\/\/acme\.zendesk\.com dropped: acknowledgements\.\[0\]\.how/);
    const stored = await fakeBrowser.storage.local.get(['escalationRecord', 'escalationRecord$']);
    expect(stored.escalationRecord$).toEqual({ v: 2 });
    expect(JSON.parse(stored.escalationRecord as string)).toEqual({ 'zendesk:1@https://acme.zendesk.com': good('1'), 'jira:OPS-7@https://acme.atlassian.net': { ...good('OPS-7'), system: 'jira', severity: null } });
  });

  it('a v1 record without its version (the earliest builds) migrates too', async () => {
    await fakeBrowser.storage.local.set({ escalationRecord: { 'zendesk:1@https://acme.zendesk.com': good('1') } });
    expect(await escalationRecordItem.get()).toEqual({ 'zendesk:1@https://acme.zendesk.com': good('1') });
    expect(typeof (await fakeBrowser.storage.local.get('escalationRecord')).escalationRecord).toBe('string');
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

  it('reads storage once, and again after another context wrote it', async () => {
    await escalationRecordItem.set({ 'zendesk:1@https://acme.zendesk.com': good('1') });
    const first = await escalationRecordItem.get();
    expect(await escalationRecordItem.get()).toBe(first);
    // Another context (an older build, devtools) writes the record.
    await fakeBrowser.storage.local.set({ escalationRecord: JSON.stringify({ 'zendesk:2@https://acme.zendesk.com': good('2') }) });
    expect(Object.keys(await escalationRecordItem.get())).toEqual(['zendesk:2@https://acme.zendesk.com']);
    await fakeBrowser.storage.local.remove('escalationRecord');
    expect(await escalationRecordItem.get()).toEqual({});
  });
});

import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { setStorageProblemSink, type StorageProblem } from '../../lib/storage';
import { escalationRecordItem, type TicketRecord } from '../../lib/storage/escalation-record';

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

describe('the escalation record in storage (local:escalationRecord, v1)', () => {
  it('round-trips, validated', async () => {
    await escalationRecordItem.set({ 'zendesk:1@https://acme.zendesk.com': good('1') });
    expect(await escalationRecordItem.get()).toEqual({ 'zendesk:1@https://acme.zendesk.com': good('1') });
    await expect(escalationRecordItem.set({ x: { ...good('2'), severity: 7 } as unknown as TicketRecord })).rejects.toThrow(/x\.severity/);
  });

  it('a corrupt ticket is dropped with a reason naming it and the field at fault; every other ticket is kept', async () => {
    const broken = { ...good('2'), acknowledgements: [{ ...good('2').acknowledgements[0], how: 'telepathy' }] };
    await fakeBrowser.storage.local.set({
      escalationRecord: { 'zendesk:1@https://acme.zendesk.com': good('1'), 'zendesk:2@https://acme.zendesk.com': broken },
      escalationRecord$: { v: 1 },
    });
    expect(Object.keys(await escalationRecordItem.get())).toEqual(['zendesk:1@https://acme.zendesk.com']);
    expect(problems.map((p) => p.reason).join('\n')).toMatch(/ticket zendesk:2@https:\/\/acme\.zendesk\.com dropped: acknowledgements\.\[0\]\.how/);
  });

  it('a value that is not a ticket map says so and reads as empty', async () => {
    await fakeBrowser.storage.local.set({ escalationRecord: ['not', 'a', 'map'], escalationRecord$: { v: 1 } });
    expect(await escalationRecordItem.get()).toEqual({});
    expect(problems.map((p) => p.reason).join('\n')).toMatch(/not a map of tickets/);
  });

  it('a value stored by a newer version is read as far as it parses, and said', async () => {
    await fakeBrowser.storage.local.set({ escalationRecord: { 'zendesk:1@https://acme.zendesk.com': good('1') }, escalationRecord$: { v: 2 } });
    expect(Object.keys(await escalationRecordItem.get())).toEqual(['zendesk:1@https://acme.zendesk.com']);
    expect(problems.map((p) => p.reason).join('\n')).toMatch(/stored by a newer version \(v2\)/);
  });
});

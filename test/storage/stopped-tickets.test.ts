import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { generalSettingsItem, setStorageProblemSink, type StorageProblem } from '../../lib/storage';
import { isStopped, MAX_STOPPED_TICKETS, stoppedTicketsItem, stopWatching, watchAgain } from '../../lib/storage/stopped-tickets';

/** Stopping watching lasts: the tickets stopped one by one (local), and whether view tickets are watched (synced setting, v2). */

let problems: StorageProblem[];
const KEY = 'zendesk:35436@https://acme.zendesk.com';
const NOW = new Date('2026-07-14T07:00:00Z');

beforeEach(() => {
  fakeBrowser.reset();
  problems = [];
  setStorageProblemSink((problem) => problems.push(problem));
});

describe('tickets stopped one by one', () => {
  it('are stopped with when, watched again by key, and the same value back when there was nothing to undo', () => {
    const stopped = stopWatching({}, KEY, NOW);
    expect(stopped).toEqual({ [KEY]: { at: '2026-07-14T07:00:00.000Z' } });
    expect(isStopped(stopped, KEY)).toBe(true);
    expect(watchAgain(stopped, KEY)).toEqual({});
    const none = {};
    expect(watchAgain(none, KEY)).toBe(none);
  });

  it('keep at most 2,000, letting the oldest go', () => {
    let stopped = {};
    for (let i = 0; i <= MAX_STOPPED_TICKETS; i++) stopped = stopWatching(stopped, `zendesk:${i}@https://acme.zendesk.com`, new Date(NOW.getTime() + i * 1000));
    expect(Object.keys(stopped)).toHaveLength(MAX_STOPPED_TICKETS);
    expect(isStopped(stopped, 'zendesk:0@https://acme.zendesk.com')).toBe(false);
    expect(isStopped(stopped, `zendesk:${MAX_STOPPED_TICKETS}@https://acme.zendesk.com`)).toBe(true);
  });

  it('a stored entry that does not parse is dropped by name; the others are kept', async () => {
    await fakeBrowser.storage.local.set({
      stoppedTickets: { [KEY]: { at: '2026-07-14T07:00:00Z' }, 'not a key': { at: '2026-07-14T07:00:00Z' }, 'jira:OPS-1@https://acme.atlassian.net': { at: 'yesterday' } },
      stoppedTickets$: { v: 1 },
    });
    expect(await stoppedTicketsItem.get()).toEqual({ [KEY]: { at: '2026-07-14T07:00:00Z' } });
    expect(problems.map((p) => p.reason).join('\n')).toMatch(/stoppedTickets\.not a key: dropped/);
    expect(problems.map((p) => p.reason).join('\n')).toMatch(/stoppedTickets\.jira:OPS-1@https:\/\/acme\.atlassian\.net: dropped/);
  });
});

describe('watching view tickets (general settings v2)', () => {
  it('a v1 value migrates with view tickets watched, as before the setting existed; the rest is kept', async () => {
    const v1 = { mine: { enabled: true, email: 'me@example.com', zendeskUserId: null, jiraAccountId: null }, ackNoteMode: 'always', forgetSolvedAfterDays: 3 };
    await fakeBrowser.storage.sync.set({ generalSettings: v1, generalSettings$: { v: 1 } });
    expect(await generalSettingsItem.get()).toEqual({ ...v1, watchViewTickets: true });
    expect(problems).toEqual([]);
    const { generalSettings$: meta } = await fakeBrowser.storage.sync.get('generalSettings$');
    expect(meta).toMatchObject({ v: 2 });
  });

  it('a choice to stop is kept as stored', async () => {
    const v2 = { mine: { enabled: false, email: null, zendeskUserId: null, jiraAccountId: null }, ackNoteMode: 'ask', forgetSolvedAfterDays: 7, watchViewTickets: false };
    await fakeBrowser.storage.sync.set({ generalSettings: v2, generalSettings$: { v: 2 } });
    expect((await generalSettingsItem.get()).watchViewTickets).toBe(false);
  });
});

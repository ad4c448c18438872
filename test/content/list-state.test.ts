import { describe, expect, it } from 'vitest';
import { CHECKING_RETRY_MS, createListMemory, LIST_BATCH_SIZE, ListState } from '../../lib/content/list-state';
import type { ReceivedRow } from '../../lib/content/reply-shapes';
import type { RawTicketRead } from '../../lib/helpdesks/contract';

/**
 * The list feature's pure half: which rows to read, render, re-ask, and when its one timer
 * fires, from rows, answers and a clock passed in. No DOM, no timers: rows are plain strings.
 */

const T0 = Date.parse('2026-07-14T07:00:00Z');
const read = (id: string): RawTicketRead => ({ id, version: '2026-07-14T06:00:00Z', raw: { ticket: { id: Number(id) } } });
const row = (id: string, state: ReceivedRow['state'], refreshAt: number | null = null): ReceivedRow => ({
  id,
  state,
  nextDeadlineAt: null,
  refreshAt: refreshAt === null ? null : new Date(refreshAt),
  unavailable: null,
});

function listOf(ids: string[]) {
  const memory = createListMemory();
  const state = new ListState<string>(memory);
  for (const id of ids) state.track(`tr-${id}`, id, T0);
  return { memory, state };
}

describe('list state', () => {
  it('reads only rows near the viewport, at most 100 ids per read, one read at a time', () => {
    const ids = Array.from({ length: 250 }, (_, i) => String(i + 1));
    const { state } = listOf(ids);
    expect(state.takeRead()).toBeNull();
    for (const id of ids.slice(0, 150)) state.setNear(`tr-${id}`, true, T0);
    const first = state.takeRead();
    expect(first).toHaveLength(LIST_BATCH_SIZE);
    expect(state.takeRead()).toBeNull(); // one at a time
    state.readDone((first ?? []).map(read), [], T0);
    expect(state.takeRead()).toEqual(ids.slice(100, 150));
  });

  it('renders a known fresh row without reading it again; reads it again once its refreshAt passed', () => {
    const { state } = listOf(['1']);
    state.setNear('tr-1', true, T0);
    const ids = state.takeRead();
    expect(state.readDone([read('1')], [row('1', 'ok', T0 + 60_000)], T0)).toEqual(['tr-1']);
    expect(ids).toEqual(['1']);
    state.setNear('tr-1', false, T0);
    expect(state.setNear('tr-1', true, T0 + 1_000)).toBe(true);
    expect(state.takeRead()).toBeNull();
    expect(state.nextWakeAt(() => true, T0)).toBe(T0 + 60_000);
    state.due(T0 + 60_000);
    expect(state.takeRead()).toEqual(['1']);
  });

  it('a "checking" row is not read over REST again; when its ticket changes the kept read is re-asked', () => {
    const { state } = listOf(['1', '2']);
    state.setNear('tr-1', true, T0);
    state.setNear('tr-2', true, T0);
    state.readDone(state.takeRead()?.map(read) ?? [], [row('1', 'checking'), row('2', 'ok')], T0);
    state.due(T0 + 5_000);
    expect(state.takeRead()).toBeNull();
    expect(state.takeReask()).toBeNull();
    state.ticketChanged('1');
    state.ticketChanged('99'); // not on this list
    expect(state.takeReask()).toEqual([read('1')]);
    expect(state.reaskDone([row('1', 'notify', T0 + 600_000)], T0 + 6_000)).toEqual(['tr-1']);
    expect(state.viewOf('tr-1')?.state).toBe('notify');
  });

  it('a row still "checking" after a while is asked about again (the background may have restarted), without a REST read', () => {
    const { state } = listOf(['1']);
    state.setNear('tr-1', true, T0);
    state.readDone(state.takeRead()?.map(read) ?? [], [row('1', 'checking')], T0);
    expect(state.nextWakeAt(() => true, T0)).toBe(T0 + CHECKING_RETRY_MS);
    state.due(T0 + CHECKING_RETRY_MS);
    expect(state.takeRead()).toBeNull();
    expect(state.takeReask()?.map((r) => r.id)).toEqual(['1']);
  });

  it('the tab becoming visible reads the rows on screen again (one read), not the ones scrolled away', () => {
    const { state } = listOf(['1', '2', '3']);
    for (const id of ['1', '2', '3']) state.setNear(`tr-${id}`, true, T0);
    state.readDone(state.takeRead()?.map(read) ?? [], ['1', '2', '3'].map((id) => row(id, 'ok', T0 + 3_600_000)), T0);
    state.setNear('tr-3', false, T0);
    state.becameVisible(T0 + 1_000);
    expect(state.takeRead()).toEqual(['1', '2']);
  });

  it('a 429 puts the ids back and reads nothing until resumed; other failures leave the rows unread', () => {
    const { state } = listOf(['1', '2']);
    state.setNear('tr-1', true, T0);
    const ids = state.takeRead() ?? [];
    expect(state.readFailed(ids, { kind: 'other' })).toBeNull();
    expect(state.takeRead()).toBeNull();
    state.setNear('tr-2', true, T0);
    const second = state.takeRead() ?? [];
    expect(state.readFailed(second, { kind: 'rateLimited', retryAfterMs: 30_000 })).toBe(30_000);
    expect(state.takeRead()).toBeNull();
    state.resume();
    expect(state.takeRead()).toEqual(['2']);
  });

  it('a reused row element showing another ticket is read for the new ticket', () => {
    const { state } = listOf(['1']);
    state.setNear('tr-1', true, T0);
    state.readDone(state.takeRead()?.map(read) ?? [], [row('1', 'ok')], T0);
    expect(state.track('tr-1', '2', T0)).toEqual({ replaced: true, isNew: false, render: false });
    expect(state.takeRead()).toEqual(['2']);
  });
});

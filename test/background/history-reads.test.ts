import { describe, expect, it } from 'vitest';
import { createHistoryReads, TRANSIENT_RETRY_MS, type HistoryBudget, type HistoryJob, type HistoryRead } from '../../lib/background/history-reads';
import { getJson } from '../../lib/helpdesks/http';

/**
 * The background's history reads for list rows: cached by the ticket's version, a few in
 * flight, every request paid from a per-origin budget, 429 honoured. Driven with a hand clock,
 * hand timers and requests the test answers, so nothing waits.
 */

const ORIGIN = 'https://acme.zendesk.com';

function job(id: string, version = '2026-07-14T06:00:00Z', origin = ORIGIN): HistoryJob {
  return { key: `zendesk:${id}`, system: 'zendesk', id, origin, restBase: origin, version, listRaw: { ticket: { id: Number(id) } } };
}

interface Pending {
  url: string;
  answer: (status?: number, headers?: Record<string, string>) => void;
}

function rig(budget: HistoryBudget = { burst: 100, perMinute: 25, inFlight: 4 }) {
  const clock = { ms: Date.parse('2026-07-14T07:00:00Z') };
  const timers: Array<{ at: number; run: () => void; cancelled: boolean }> = [];
  const pending: Pending[] = [];
  const stored: HistoryRead[][] = [];
  const logs: string[] = [];
  const unavailable: string[] = [];
  const fetch: typeof globalThis.fetch = (input) =>
    new Promise((resolve) => {
      pending.push({
        url: String(input),
        answer: (status = 200, headers = {}) =>
          resolve(new Response(JSON.stringify({ audits: [], users: [], next_page: null }), { status, headers: { 'Content-Type': 'application/json', ...headers } })),
      });
    });
  const reads = createHistoryReads({
    // One GET per row: the audits page, as the Zendesk fetcher reads it.
    fetchers: { zendesk: async (j, io) => ({ ticket: j.listRaw.ticket, ...((await getJson(`/api/v2/tickets/${j.id}/audits.json`, io)) as object) }) },
    fetch,
    nowMs: () => clock.ms,
    setTimer: (run, ms) => {
      const timer = { at: clock.ms + ms, run, cancelled: false };
      timers.push(timer);
      return () => {
        timer.cancelled = true;
      };
    },
    budget,
    onRead: async (batch) => {
      stored.push(batch);
    },
    log: (text) => logs.push(text),
    onUnavailable: async (j) => {
      unavailable.push(j.id);
    },
  });
  /** Moves the clock and fires the timers due. */
  const advance = (ms: number) => {
    clock.ms += ms;
    for (const timer of timers.splice(0)) {
      if (timer.cancelled) continue;
      if (timer.at <= clock.ms) timer.run();
      else timers.push(timer);
    }
  };
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
  const answerAll = async (status?: number, headers?: Record<string, string>) => {
    for (const request of pending.splice(0)) request.answer(status, headers);
    await settle();
    await settle();
  };
  return { reads, pending, stored, logs, unavailable, advance, answerAll, settle, storedIds: () => stored.flat().map((read) => read.job.id) };
}

describe('history reads for list rows', () => {
  it('a history the helpdesk refuses (403) or does not have (404) is unavailable for good at that version, and said at once; a failing server is not', async () => {
    const r = rig();
    r.reads.request([job('1'), job('2'), job('3')]);
    r.pending[0]?.answer(403);
    r.pending[1]?.answer(404);
    r.pending[2]?.answer(500);
    await r.settle();
    await r.settle();
    expect(r.reads.unavailable('zendesk:1', '2026-07-14T06:00:00Z')).toBe('forbidden');
    expect(r.reads.unavailable('zendesk:2', '2026-07-14T06:00:00Z')).toBe('notFound');
    expect(r.unavailable).toEqual(['1', '2']);
    // A newer version of the ticket is another history: not unavailable until read.
    expect(r.reads.unavailable('zendesk:1', '2026-07-14T08:00:00Z')).toBeNull();
    // A 5xx is retried (the fetcher's own retries, then after a minute): never final.
    for (let attempt = 0; attempt < 3; attempt++) {
      r.advance(60_000);
      await r.settle();
      await r.answerAll(500);
    }
    await r.reads.idle();
    expect(r.reads.status('zendesk:3', '2026-07-14T06:00:00Z')).toBe('failed');
    expect(r.reads.unavailable('zendesk:3', '2026-07-14T06:00:00Z')).toBeNull();
    expect(r.unavailable).toEqual(['1', '2']);
  });

  it('keeps at most `inFlight` reads running, starting the next as one finishes', async () => {
    const r = rig({ burst: 100, perMinute: 25, inFlight: 4 });
    r.reads.request(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'].map((id) => job(id)));
    expect(r.pending).toHaveLength(4);
    r.pending.shift()?.answer();
    await r.settle();
    await r.settle();
    expect(r.pending).toHaveLength(4);
    while (r.pending.length > 0) await r.answerAll();
    await r.reads.idle();
    expect(r.storedIds().sort((a, b) => Number(a) - Number(b))).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    expect(r.reads.requestsSent(ORIGIN)).toBe(10);
  });

  it('reads a version once: the same or an older version is not read again, a newer one is', async () => {
    const r = rig();
    r.reads.request([job('1', '2026-07-14T06:00:00Z')]);
    r.reads.request([job('1', '2026-07-14T06:00:00Z')]); // asked twice while queued/running
    expect(r.pending).toHaveLength(1);
    await r.answerAll();
    await r.reads.idle();
    expect(r.reads.status('zendesk:1', '2026-07-14T06:00:00Z')).toBe('read');
    r.reads.request([job('1', '2026-07-14T06:00:00Z'), job('1', '2026-07-14T05:00:00Z')]);
    expect(r.pending).toHaveLength(0);
    r.reads.request([job('1', '2026-07-14T06:30:00Z')]); // a reply since: its history changed
    expect(r.pending).toHaveLength(1);
    await r.answerAll();
    await r.reads.idle();
    expect(r.stored.flat().map((read) => read.job.version)).toEqual(['2026-07-14T06:00:00Z', '2026-07-14T06:30:00Z']);
    expect(r.reads.requestsSent(ORIGIN)).toBe(2);
  });

  it('spends at most the burst at once, then the per-minute rate, per origin', async () => {
    const r = rig({ burst: 5, perMinute: 6, inFlight: 10 });
    r.reads.request(Array.from({ length: 8 }, (_, i) => job(String(i + 1))));
    expect(r.pending).toHaveLength(5);
    await r.answerAll();
    expect(r.pending).toHaveLength(0); // the bucket is empty: the rest wait for tokens
    r.advance(9_000);
    expect(r.pending).toHaveLength(0);
    r.advance(1_000); // 6 a minute: one token every 10 s
    expect(r.pending).toHaveLength(1);
    await r.answerAll();
    r.advance(20_000);
    expect(r.pending).toHaveLength(2);
    await r.answerAll();
    await r.reads.idle();
    expect(r.reads.requestsSent(ORIGIN)).toBe(8);
    // Another origin (another account) has its own budget.
    r.reads.request([job('9', undefined, 'https://other.zendesk.com')]);
    expect(r.pending).toHaveLength(1);
  });

  it('pays retries from the budget too; the wait before a retry (429 Retry-After) pauses the origin for every read', async () => {
    const r = rig({ burst: 100, perMinute: 25, inFlight: 2 });
    r.reads.request([job('1'), job('2')]);
    expect(r.pending).toHaveLength(2);
    r.pending.shift()?.answer(429, { 'Retry-After': '30' });
    await r.settle();
    await r.settle();
    r.reads.request([job('3')]);
    expect(r.pending).toHaveLength(1); // #2 still running; #3 waits for the pause even with a slot free
    await r.answerAll();
    expect(r.pending).toHaveLength(0);
    r.advance(29_000);
    await r.settle();
    expect(r.pending).toHaveLength(0);
    r.advance(1_000);
    await r.settle();
    expect(r.pending.map((p) => p.url).sort()).toEqual([expect.stringContaining('/tickets/1/'), expect.stringContaining('/tickets/3/')]);
    await r.answerAll();
    await r.reads.idle();
    expect(r.storedIds().sort()).toEqual(['1', '2', '3']);
    expect(r.reads.requestsSent(ORIGIN)).toBe(4);
  });

  it('a Retry-After too long to wait inside a read pauses the origin and reads that row first afterwards', async () => {
    const r = rig({ burst: 100, perMinute: 25, inFlight: 1 });
    r.reads.request([job('1'), job('2')]);
    await r.answerAll(429, { 'Retry-After': '120' });
    expect(r.logs.join('\n')).toMatch(/zendesk:1.*rateLimited/);
    expect(r.pending).toHaveLength(0);
    r.advance(119_000);
    expect(r.pending).toHaveLength(0);
    r.advance(1_000);
    expect(r.pending).toHaveLength(1);
    expect(r.pending[0]?.url).toContain('/tickets/1/');
    await r.answerAll();
    await r.answerAll();
    await r.reads.idle();
    expect(r.storedIds()).toEqual(['1', '2']);
  });

  it('a ticket gone is not read again at the same version; a failing server is tried again after a while', async () => {
    const r = rig();
    r.reads.request([job('1')]);
    await r.answerAll(404);
    await r.reads.idle();
    expect(r.reads.status('zendesk:1', '2026-07-14T06:00:00Z')).toBe('failed');
    r.advance(10 * 60_000);
    r.reads.request([job('1')]);
    expect(r.pending).toHaveLength(0);
    expect(r.stored).toEqual([]);

    r.reads.request([job('2')]);
    // 500 three times (the first try and two retries): the read fails, its requests all paid.
    for (let attempt = 0; attempt < 3; attempt++) {
      r.advance(60_000);
      await r.settle();
      await r.answerAll(500);
    }
    await r.reads.idle();
    expect(r.reads.status('zendesk:2', '2026-07-14T06:00:00Z')).toBe('failed');
    r.reads.request([job('2')]);
    expect(r.pending).toHaveLength(0);
    r.advance(TRANSIENT_RETRY_MS);
    r.reads.request([job('2')]);
    expect(r.pending).toHaveLength(1);
  });

  it('stores reads that finish together in one batch', async () => {
    const r = rig({ burst: 100, perMinute: 25, inFlight: 4 });
    r.reads.request(['1', '2', '3', '4'].map((id) => job(id)));
    await r.answerAll();
    await r.reads.idle();
    expect(r.stored.length).toBeLessThan(4);
    expect(r.storedIds().sort()).toEqual(['1', '2', '3', '4']);
  });
});

// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { LIST_BATCH_SIZE } from '../../lib/content/list-feature';
import { HelpdeskError } from '../../lib/helpdesks/contract';
import { useEnglishMessages } from '../i18n/english-messages';
import { NOW, shadowRootOf, startHarness } from './harness';

const eventually = (assertion: () => void) => vi.waitFor(assertion, { timeout: 10_000, interval: 5 });

function tableHtml(ids: number[]): string {
  const rows = ids.map((id) => `<tr data-id="${id}"><td>#${id}</td><td>Subject ${id}</td></tr>`).join('');
  return `<table><tbody>${rows}</tbody></table>`;
}

function row(id: number): HTMLTableRowElement {
  const element = document.createElement('tr');
  element.setAttribute('data-id', String(id));
  element.append(Object.assign(document.createElement('td'), { textContent: `#${id}` }));
  return element;
}

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);
const rowsFor = (ids: number[]) => ids.map((id) => document.querySelector(`tr[data-id="${id}"]`)).filter((row): row is Element => row !== null);

let harness: ReturnType<typeof startHarness> | null = null;

describe('list pages', { timeout: 20_000 }, () => {
  beforeEach(() => {
    fakeBrowser.reset();
    useEnglishMessages();
  });
  afterEach(() => {
    harness?.stop();
    harness = null;
  });

  test('a 1,000-row view fetches only rows near the viewport, in batches of at most 100', async () => {
    harness = startHarness({ path: '/views/1', html: tableHtml(range(1, 1001)) });
    const h = harness;
    expect(h.intersections.observedCount()).toBe(1000);
    expect(h.fetchRawTickets).not.toHaveBeenCalled();

    h.intersections.show(rowsFor(range(1, 251)));
    await eventually(() => expect(document.querySelectorAll('ew-row-badge')).toHaveLength(250));

    const batches = h.fetchRawTickets.mock.calls.map(([ids]) => ids);
    expect(batches.every((ids) => ids.length <= LIST_BATCH_SIZE)).toBe(true);
    expect(batches.flat().sort((a, b) => Number(a) - Number(b))).toEqual(range(1, 251).map(String));
    // Each batch read goes to the background in one message, evaluated there.
    expect(h.background.ingestMany.mock.calls.map(([reads]) => reads.length)).toEqual(batches.map((ids) => ids.length));
    expect(h.fetchRawTicket).not.toHaveBeenCalled();
    expect(h.background.ingest).not.toHaveBeenCalled();
    expect(h.fetchRawTickets.mock.calls.every(([, io]) => io.origin === `${window.location.origin}/site`)).toBe(true);
  });

  test('each row badge shows its state colour and a countdown', async () => {
    harness = startHarness({ path: '/views/1', html: tableHtml([4]) });
    harness.intersections.show(rowsFor([4]));
    await eventually(() => expect(document.querySelector('ew-row-badge')).not.toBeNull());
    const host = document.querySelector('ew-row-badge');
    expect(host?.parentElement?.tagName).toBe('TD');
    const badge = shadowRootOf(host)?.querySelector('.ew-row-badge');
    expect(badge?.className).toMatch(/ew-state-(ok|warning|notify|overdue)/);
    expect(badge?.querySelector('.ew-countdown')?.textContent).toMatch(/min|h|s$/);
  });

  test('rows scrolled into view again are not fetched twice', async () => {
    harness = startHarness({ path: '/views/1', html: tableHtml(range(1, 11)) });
    const h = harness;
    h.intersections.show(rowsFor(range(1, 11)));
    await eventually(() => expect(document.querySelectorAll('ew-row-badge')).toHaveLength(10));
    h.intersections.show(rowsFor(range(1, 11)));
    await eventually(() => expect(h.fetchRawTickets).toHaveBeenCalledTimes(1));
    expect(document.querySelectorAll('ew-row-badge')).toHaveLength(10);
  });

  test('rows added later (a virtualised table) are picked up by the one table observer', async () => {
    harness = startHarness({ path: '/views/1', html: tableHtml(range(1, 6)) });
    const h = harness;
    const observersBefore = h.observers.live();
    document.querySelector('tbody')?.append(row(77));
    await eventually(() => expect(h.intersections.observedCount()).toBe(6));
    expect(h.observers.live()).toBe(observersBefore);
    h.intersections.show(rowsFor([77]));
    await eventually(() => expect(document.querySelector('tr[data-id="77"] ew-row-badge')).not.toBeNull());
  });

  test('a reused row element showing another ticket gets a fresh badge', async () => {
    harness = startHarness({ path: '/views/1', html: tableHtml([1]) });
    const h = harness;
    h.intersections.show(rowsFor([1]));
    await eventually(() => expect(document.querySelector('ew-row-badge')).not.toBeNull());
    document.querySelector('tr')?.setAttribute('data-id', '2');
    document.querySelector('tbody')?.append(document.createElement('tr'));
    await eventually(() => expect(h.fetchRawTickets.mock.calls.flatMap(([ids]) => ids)).toContain('2'));
    await eventually(() => expect(document.querySelectorAll('ew-row-badge')).toHaveLength(1));
  });

  test('a rate-limited batch is asked again after Retry-After, other failures leave rows bare', async () => {
    harness = startHarness({ path: '/views/1', html: tableHtml([1, 2]) });
    const h = harness;
    h.fetchRawTickets.mockRejectedValueOnce(new HelpdeskError('server', 'HTTP 500', 500));
    h.intersections.show(rowsFor([1]));
    await eventually(() => expect(h.log).toHaveBeenCalledWith('list-fetch', expect.anything()));
    expect(document.querySelector('ew-row-badge')).toBeNull();
    h.fetchRawTickets.mockRejectedValueOnce(new HelpdeskError('rateLimited', 'HTTP 429', 429, 20));
    h.intersections.show(rowsFor([2]));
    await eventually(() => expect(document.querySelectorAll('ew-row-badge')).toHaveLength(1));
    expect(h.fetchRawTickets).toHaveBeenCalledTimes(3);
  });

  test('a row is read again once its state can have changed (its refreshAt), by one timer for the list', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      let elapsed = 0;
      harness = startHarness({ path: '/views/1', html: tableHtml([1]), now: () => new Date(NOW.getTime() + elapsed) });
      const h = harness;
      h.intersections.show(rowsFor([1]));
      await vi.advanceTimersByTimeAsync(50);
      expect(document.querySelector('ew-row-badge')).not.toBeNull();
      const [first] = (await h.background.ingestMany.mock.results[0]?.value)?.rows ?? [];
      const refreshIn = (first?.refreshAt?.getTime() ?? NaN) - NOW.getTime();
      expect(refreshIn).toBeGreaterThan(0);
      expect(h.runtime.liveResources().timers).toBe(1);
      elapsed = refreshIn - 1000;
      await vi.advanceTimersByTimeAsync(refreshIn - 1000);
      expect(h.fetchRawTickets).toHaveBeenCalledTimes(1);
      elapsed = refreshIn + 1;
      await vi.advanceTimersByTimeAsync(1001 + 50);
      expect(h.fetchRawTickets).toHaveBeenCalledTimes(2);
      expect(h.fetchRawTickets.mock.calls[1]?.[0]).toEqual(['1']);
    } finally {
      harness?.stop();
      harness = null;
      vi.useRealTimers();
    }
  });

  test('leaving the list removes the badges, observers and listeners', async () => {
    harness = startHarness({ path: '/views/1', html: tableHtml(range(1, 21)) });
    const h = harness;
    h.intersections.show(rowsFor(range(1, 21)));
    await eventually(() => expect(document.querySelectorAll('ew-row-badge')).toHaveLength(20));
    h.go('/settings');
    expect(document.querySelectorAll('ew-row-badge')).toHaveLength(0);
    expect(h.observers.live()).toBe(0);
    expect(h.intersections.live()).toBe(0);
    expect(h.runtime.liveResources()).toEqual({ listeners: 0, observers: 0, timers: 0, scopes: 0 });
  });
});

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { fakeBrowser } from 'wxt/testing';
import { defineParsedItem } from '../../lib/storage/parsed-item';
import { setStorageProblemSink } from '../../lib/storage/storage-log';

/**
 * A new service worker defines every storage item when its modules load. wxt runs an item's
 * migrations at definition, reading its whole value: with an empty migration table given to every
 * item, a new worker read the escalation record (1.5 MB with 2,000 tickets) and the notification
 * log before its first wake could read anything (issue 11 (b)). Only items with migrations get them.
 */

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
let unique = 0;

describe('defining a parsed item', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    setStorageProblemSink(() => undefined);
  });
  afterEach(() => vi.restoreAllMocks());

  it('reads nothing from storage when the item has no migrations', async () => {
    await fakeBrowser.storage.local.set({ bigRecord: { tickets: Array.from({ length: 50 }, (_, i) => i) } });
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    defineParsedItem({ key: `local:bigRecord${unique++}`, version: 1, schema: z.object({ tickets: z.array(z.number()) }), fallback: () => ({ tickets: [] }) });
    await flush();
    expect(get).not.toHaveBeenCalled();
  });

  it('still migrates an item that has migrations, and reads an item without them on demand', async () => {
    const key = `migrated${unique++}`;
    await fakeBrowser.storage.local.set({ [key]: { old: 3 } });
    const item = defineParsedItem({
      key: `local:${key}`,
      version: 2,
      migrations: { 2: (old: unknown) => ({ value: (old as { old: number }).old * 2 }) },
      schema: z.object({ value: z.number() }),
      fallback: () => ({ value: 0 }),
    });
    expect(await item.get()).toEqual({ value: 6 });
    expect((await fakeBrowser.storage.local.get(`${key}$`))[`${key}$`]).toEqual({ v: 2 });

    const plainKey = `plain${unique++}`;
    await fakeBrowser.storage.local.set({ [plainKey]: { value: 5 } });
    const plain = defineParsedItem({ key: `local:${plainKey}`, version: 1, schema: z.object({ value: z.number() }), fallback: () => ({ value: 0 }) });
    expect(await plain.get()).toEqual({ value: 5 });
  });
});

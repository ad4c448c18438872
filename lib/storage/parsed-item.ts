import { browser } from 'wxt/browser';
import { storage, type StorageItemKey } from 'wxt/utils/storage';
import type { z } from 'zod';
import { reportStorageProblem } from './storage-log';

/**
 * A `@wxt-dev/storage` item (with `version` and `migrations`) whose every read is also parsed
 * with zod. Bad data is repaired or dropped with a logged reason — a read never throws because
 * of what is in storage, and a problem in one part of a value does not lose the rest.
 */

export interface ParsedItemOptions<T> {
  key: StorageItemKey;
  version: number;
  /** As in `storage.defineItem`: `migrations[n]` turns a v(n-1) value into a v(n) value. */
  migrations?: Record<number, (oldValue: unknown) => unknown>;
  schema: z.ZodType<T>;
  fallback: () => T;
  /** Salvage what can be read from a value that failed `schema`; without it the value is dropped. */
  repair?: (raw: unknown, report: (reason: string) => void) => T;
  /** Runs before every write and throws when the value must not be stored (e.g. sync quota). */
  checkWrite?: (value: T) => void;
  /**
   * Keep the parsed value in memory between reads while caching is on (setParsedItemCaching),
   * and validate on write only what changed since (`validateChanged` returns the value to store,
   * throwing StorageWriteError naming what is wrong). For a large value one context writes: the
   * watched store in the background. A change from anywhere else drops the copy.
   */
  cache?: { validateChanged: (next: T, previous: T) => T };
}

let caching = false;
/** How long a change applied in memory (update with durable: false) may wait for the write it shares with others. */
export const COALESCE_WRITES_MS = 500;

/**
 * Turns in-memory copies on (the background, which writes the items that use them) or off
 * (the default: extension pages and tests read storage every time).
 */
export function setParsedItemCaching(enabled: boolean): void {
  caching = enabled;
}

/** Whether this context keeps in-memory copies (the background); see setParsedItemCaching. */
export function parsedItemCaching(): boolean {
  return caching;
}

export interface ParsedItem<T> {
  readonly key: StorageItemKey;
  readonly version: number;
  /** The current value: migrated, parsed, repaired if needed; the fallback when absent. */
  get(): Promise<T>;
  /** Validates, then writes value and version together (one storage call). */
  set(value: T): Promise<void>;
  /**
   * Read-modify-write, serialised with every other `update`/`set` of this item in this context.
   * With `durable: false` on an item kept in memory, resolves once the change is applied there
   * (every later read sees it) while the write to storage follows, coalesced with others.
   */
  update(change: (current: T) => T, options?: { durable?: boolean }): Promise<T>;
  remove(): Promise<void>;
  /** Calls back with the parsed value on every change (from any extension context). */
  watch(callback: (value: T) => void): () => void;
}

export class StorageWriteError extends Error {
  override name = 'StorageWriteError';
}

export function describeZodIssues(error: z.ZodError, root = ''): string {
  return error.issues
    .map((issue) => {
      const path = [root, ...issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : String(p)))]
        .filter(Boolean)
        .join('.');
      return `${path || '(value)'}: ${issue.message}`;
    })
    .join('; ');
}

/** wxt keeps an item's metadata (its version `v`) under the item's key plus `$`. */
const metaKeyOf = (key: StorageItemKey): StorageItemKey => `${key}$` as StorageItemKey;

export function defineParsedItem<T>(options: ParsedItemOptions<T>): ParsedItem<T> {
  const { key, version, schema, fallback } = options;
  const report = (reason: string) => reportStorageProblem(key, reason);
  const wxtItem = storage.defineItem<unknown, { v?: number }>(key, {
    version,
    migrations: options.migrations ?? {},
  });
  let queue: Promise<unknown> = Promise.resolve();
  /** The parsed value as last read or written here, while nothing else changed it. */
  let cached: { value: T } | null = null;
  /** Bumped whenever the copy is dropped, so a read that raced a change does not keep a stale one. */
  let generation = 0;
  /** Stamped into the item's metadata by this context's writes still unconfirmed: their change events are recognised by it. */
  const ownWriteIds = new Set<string>();
  /** The in-memory value is newer than storage; one writer at a time writes the latest. */
  let dirty = false;
  let flushing: Promise<void> | null = null;
  const [areaName, itemName] = key.split(':') as [string, string];
  const onStorageChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== areaName || !(itemName in changes || `${itemName}$` in changes)) return;
    const meta = changes[`${itemName}$`]?.newValue as { w?: unknown } | undefined;
    if (typeof meta?.w === 'string' && ownWriteIds.delete(meta.w)) return; // this context's own write
    cached = null;
    generation++;
  };
  /** Whether the in-memory copy may be used; listening for changes from elsewhere first (a copy kept while not listening is dropped). */
  const cacheable = (): boolean => {
    if (!caching || options.cache === undefined) return false;
    if (!browser.storage.onChanged.hasListener(onStorageChanged)) {
      browser.storage.onChanged.addListener(onStorageChanged);
      cached = null;
      generation++;
    }
    return true;
  };

  function serialised<R>(task: () => Promise<R>): Promise<R> {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  }

  function salvage(raw: unknown, why: string): T {
    if (options.repair) {
      report(`${why}; repairing`);
      try {
        const repaired = schema.safeParse(options.repair(raw, report));
        if (repaired.success) return repaired.data;
        report(`repair left ${describeZodIssues(repaired.error)}; dropped`);
      } catch (error) {
        report(`repair failed (${error instanceof Error ? error.message : String(error)}); dropped`);
      }
      return fallback();
    }
    report(`${why}; dropped`);
    return fallback();
  }

  /** Writes back what a read repaired; a failure to write is reported, never thrown at the reader. */
  async function writeBack(value: T): Promise<void> {
    try {
      await write(value);
    } catch (error) {
      report(`could not write the repaired value back: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  function validated(value: T): T {
    if (cacheable() && cached !== null && options.cache) return options.cache.validateChanged(value, cached.value);
    const checked = schema.safeParse(value);
    if (!checked.success) throw new StorageWriteError(`${key}: ${describeZodIssues(checked.error)}`);
    return checked.data;
  }

  async function persist(data: T, writeId?: string): Promise<void> {
    const meta = await storage.getMeta<Record<string, unknown>>(key);
    if (writeId !== undefined) ownWriteIds.add(writeId);
    await storage.setItems([
      { key, value: data },
      { key: metaKeyOf(key), value: { ...meta, v: version, ...(writeId !== undefined ? { w: writeId } : {}) } },
    ]);
  }

  /** Writes the in-memory value, then again while it changed meanwhile; resolves once storage holds the latest. */
  function flush(): Promise<void> {
    dirty = true;
    flushing ??= (async () => {
      try {
        while (dirty && cached !== null) {
          dirty = false;
          await persist(cached.value, `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`);
        }
      } finally {
        flushing = null;
      }
    })();
    return flushing;
  }

  let flushTimer: ReturnType<typeof setTimeout> | null = null;
  /** A write soon rather than now: changes arriving together (a page's burst of reads) share one write. */
  function flushSoon(): Promise<void> {
    dirty = true;
    return new Promise<void>((resolve, reject) => {
      const run = () => {
        flushTimer = null;
        if (!dirty) resolve(); // a durable write meanwhile wrote it
        else flush().then(resolve, reject);
      };
      if (flushTimer === null) flushTimer = setTimeout(run, COALESCE_WRITES_MS);
      else resolve(); // the pending timer writes this change too
    });
  }

  /** Applies a value in memory (cached items) and returns when storage will hold it; else writes it. */
  async function apply(value: T, soon = false): Promise<{ flushed: Promise<void> }> {
    const data = validated(value);
    options.checkWrite?.(data);
    if (cacheable()) {
      cached = { value: data };
      return { flushed: soon ? flushSoon() : flush() };
    }
    cached = null;
    await persist(data);
    return { flushed: Promise.resolve() };
  }

  async function write(value: T): Promise<void> {
    await (await apply(value)).flushed;
  }

  async function storedVersion(): Promise<number> {
    const meta = await wxtItem.getMeta(); // also waits for wxt's own start-up migration
    return typeof meta.v === 'number' && Number.isInteger(meta.v) && meta.v >= 1 ? meta.v : 1;
  }

  async function read(): Promise<T> {
    if (cacheable() && cached !== null) return cached.value;
    const startedAt = generation;
    const value = await readStored();
    if (cacheable() && generation === startedAt) cached = { value };
    return value;
  }

  async function readStored(): Promise<T> {
    const before = await storedVersion();
    if (before > version) {
      const raw = await storage.getItem<unknown>(key);
      if (raw == null) return fallback();
      const parsed = schema.safeParse(raw);
      const value = parsed.success ? parsed.data : salvage(raw, `stored by a newer version (v${before})`);
      if (parsed.success) report(`stored by a newer version (v${before}); read as v${version}`);
      await writeBack(value);
      return value;
    }
    if (before < version) {
      try {
        await wxtItem.migrate();
      } catch (error) {
        report(`migration from v${before} failed: ${error instanceof Error ? (error.cause ?? error.message) : String(error)}`);
      }
    }
    const raw = await storage.getItem<unknown>(key);
    if (raw == null) return fallback();
    const parsed = schema.safeParse(raw);
    if (parsed.success) return parsed.data;
    const value = salvage(raw, describeZodIssues(parsed.error));
    await writeBack(value);
    return value;
  }

  return {
    key,
    version,
    get: () => serialised(read),
    set: async (value) => {
      const { flushed } = await serialised(() => apply(value));
      await flushed;
    },
    async update(change, updateOptions) {
      const { next, flushed } = await serialised(async () => {
        const current = await read();
        const changed = change(current);
        // The very same value back means "no change": nothing to write (a large store costs a write).
        const soon = updateOptions?.durable === false;
        return { next: changed, flushed: changed === current ? Promise.resolve() : (await apply(changed, soon)).flushed };
      });
      if (updateOptions?.durable !== false || !cacheable()) await flushed;
      else flushed.catch((error: unknown) => report(`write failed: ${error instanceof Error ? error.message : String(error)}`));
      return next;
    },
    remove: () =>
      serialised(async () => {
        cached = null;
        generation++;
        await storage.removeItems([key, metaKeyOf(key)]);
      }),
    watch(callback) {
      return wxtItem.watch((raw) => {
        const parsed = raw == null ? { success: true as const, data: fallback() } : schema.safeParse(raw);
        if (parsed.success) callback(parsed.data);
        else void serialised(read).then(callback);
      });
    },
  };
}

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
}

let caching = false;

/**
 * Turns in-memory copies on (the background, which writes the watched store: see
 * watched-store-item.ts) or off (the default: extension pages and tests read storage every time).
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
  /** Read-modify-write, serialised with every other `update`/`set` of this item in this context. */
  update(change: (current: T) => T): Promise<T>;
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
  // No `storage.defineItem`: wxt reads a defined item's whole value (and runs its migrations) the
  // moment it is defined, so a new service worker read every item (the escalation record, the
  // notification log: megabytes) before its first wake could read anything (issue 11 (b)). This
  // item reads only when asked and migrates on its first read (`migrate`).
  const metaKey = metaKeyOf(key);

  /** Runs the migrations from the stored version up to `version`, then stores value and version together. */
  async function migrate(): Promise<void> {
    const [value, meta] = await Promise.all([storage.getItem<unknown>(key), storage.getMeta<{ v?: number }>(key)]);
    if (value == null) return;
    const from = typeof meta.v === 'number' ? meta.v : 1;
    if (from >= version) return;
    let migrated = value;
    for (let n = from + 1; n <= version; n++) {
      try {
        migrated = (await options.migrations?.[n]?.(migrated)) ?? migrated;
      } catch (error) {
        throw new Error(`v${n}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
      }
    }
    await storage.setItems([
      { key, value: migrated },
      { key: metaKey, value: { ...meta, v: version } },
    ]);
  }

  let queue: Promise<unknown> = Promise.resolve();

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
    const checked = schema.safeParse(value);
    if (!checked.success) throw new StorageWriteError(`${key}: ${describeZodIssues(checked.error)}`);
    return checked.data;
  }

  /** Validates, then writes value and version together (one storage call). */
  async function write(value: T): Promise<void> {
    const data = validated(value);
    options.checkWrite?.(data);
    const meta = await storage.getMeta<Record<string, unknown>>(key);
    await storage.setItems([
      { key, value: data },
      { key: metaKeyOf(key), value: { ...meta, v: version } },
    ]);
  }

  async function storedVersion(): Promise<number> {
    const meta = await storage.getMeta<{ v?: number }>(key);
    return typeof meta.v === 'number' && Number.isInteger(meta.v) && meta.v >= 1 ? meta.v : 1;
  }

  async function read(): Promise<T> {
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
        await migrate();
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
    set: (value) => serialised(() => write(value)),
    update: (change) =>
      serialised(async () => {
        const current = await read();
        const changed = change(current);
        // The very same value back means "no change": nothing to write.
        if (changed !== current) await write(changed);
        return changed;
      }),
    remove: () => serialised(() => storage.removeItems([key, metaKey])),
    watch(callback) {
      return storage.watch<unknown>(key, (raw) => {
        const parsed = raw == null ? { success: true as const, data: fallback() } : schema.safeParse(raw);
        if (parsed.success) callback(parsed.data);
        else void serialised(read).then(callback);
      });
    },
  };
}

import { browser } from 'wxt/browser';
import { checkChangedTickets, decodeRecord } from './escalation-record-check';
import { knownRecordSize, recordSizeFromJsonLength, rememberRecordSize } from './escalation-record-size';
import type { EscalationRecord } from './escalation-record-schema';
import { changedShards, decodeShards, isShardKey, META_KEY, RECORD_KEY, SHARD_COUNT, SHARD_KEYS, shardKey, splitIntoShards } from './escalation-record-shards';
import { type ParsedItem, parsedItemCaching, StorageWriteError } from './parsed-item';
import { reportStorageProblem } from './storage-log';

export * from './escalation-record-schema';

/**
 * The escalation record in storage: `local:escalationRecord`, version 3, in SHARD_COUNT shards
 * (escalation-record-shards.ts): `escalationRecord#00`..`#63`, each the JSON text of the tickets
 * whose key hashes to it, and the metadata `escalationRecord$` (`{ v: 3, n: 64, w }`). Only the
 * background writes it, on the wakes that matter (a level reached, a notification raised, an
 * acknowledgement read from a note) and on "Mark notified"; near its caps it is ~1.5 M characters,
 * so (issue 11, bench/escalation-record.bench.ts):
 *
 * - an update writes, in one `storage.local.set` with the metadata, only the shards whose tickets
 *   changed (tickets are never changed in place: lib/record replaces them, so identity tells);
 *   v2's single text key had the whole record rewritten, and handed old+new to every
 *   storage.onChanged listener, on every raising wake (70–110 ms in Chromium);
 * - text, not objects: storage hands a new service worker strings in one piece; every shard is
 *   read in one `get`;
 * - each ticket is checked without zod when it is exactly what the schema wants
 *   (escalation-record-check.ts), with zod otherwise: a ticket that does not parse is dropped and
 *   reported with its key and the field at fault, every other ticket kept (its shard rewritten);
 * - a write checks only the tickets that changed since the value was read;
 * - the background (setParsedItemCaching) keeps the record in memory, with each shard's size
 *   figure from its text's length (the caps); a change of any shard or of the metadata not stamped
 *   by this context (`w`) drops it.
 *
 * v2 (the record as one JSON text in `escalationRecord`) and v1 (one object there) migrate on the
 * first read: written as shards with the metadata in one set, then the old key removed; nothing
 * lost but the tickets that did not parse (v1/v2 reads dropped those too).
 */

export const ESCALATION_RECORD_VERSION = 3;

const ITEM_KEY = `local:${RECORD_KEY}` as const;
const ALL_KEYS = [RECORD_KEY, META_KEY, ...SHARD_KEYS];
const ALL_SHARDS: ReadonlySet<number> = new Set(Array.from({ length: SHARD_COUNT }, (_, shard) => shard));

const report = (reason: string) => reportStorageProblem(ITEM_KEY, reason);

type Changes = Record<string, { newValue?: unknown }>;

const touchesRecord = (changes: Changes): boolean => Object.keys(changes).some((key) => key === META_KEY || isShardKey(key));

function versionOf(meta: unknown): number | null {
  const v = (meta as { v?: unknown } | null | undefined)?.v;
  return typeof v === 'number' && Number.isInteger(v) && v >= 1 ? v : null;
}

interface Held {
  record: EscalationRecord;
  /** Per shard, the size figure of its tickets (from its text's length); null when not known. */
  sizes: Array<number | null>;
}

function defineEscalationRecordItem(): ParsedItem<EscalationRecord> {
  let queue: Promise<unknown> = Promise.resolve();
  let held: Held | null = null;
  /** This context's stamp on the metadata it writes: its own change events are told from other contexts'. */
  const context = Math.random().toString(36).slice(2, 10);
  let writes = 0;
  /** Stamps of this context's writes whose change events have not come back yet. */
  const ownStamps = new Set<string>();

  function serialised<R>(task: () => Promise<R>): Promise<R> {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  }

  const onChanged = (changes: Changes, area: string) => {
    if (area !== 'local' || !touchesRecord(changes)) return;
    const stamp = (changes[META_KEY]?.newValue as { w?: unknown } | null | undefined)?.w;
    if (typeof stamp === 'string' && ownStamps.delete(stamp)) return;
    held = null;
  };

  /** Whether this context keeps the record in memory (the background), listening for other contexts' writes first. */
  function caching(): boolean {
    if (!parsedItemCaching()) {
      held = null;
      return false;
    }
    if (!browser.storage.onChanged.hasListener(onChanged)) {
      browser.storage.onChanged.addListener(onChanged);
      held = null;
    }
    return true;
  }

  /**
   * Validates the tickets not in `before` (by identity), then stores the given shards of the
   * record and the metadata in one set.
   */
  async function write(value: EscalationRecord, before: EscalationRecord | null, shards: ReadonlySet<number>): Promise<void> {
    const checked = checkChangedTickets(value, before);
    if (!checked.ok) throw new StorageWriteError(`${ITEM_KEY}: ${checked.problems.join('; ')}`);
    const data = checked.record;
    const keep = caching();
    const sizes = keep && held !== null && held.record === before ? [...held.sizes] : Array.from({ length: SHARD_COUNT }, () => null as number | null);
    const stamp = `${context}:${++writes}`;
    const items: Record<string, unknown> = {};
    for (const [shard, part] of splitIntoShards(data, shards)) {
      const text = JSON.stringify(part);
      items[shardKey(shard)] = text;
      sizes[shard] = recordSizeFromJsonLength(part, text.length);
    }
    items[META_KEY] = { v: ESCALATION_RECORD_VERSION, n: SHARD_COUNT, w: stamp };
    if (keep) ownStamps.add(stamp);
    try {
      await browser.storage.local.set(items);
    } catch (error) {
      ownStamps.delete(stamp);
      held = null;
      throw error;
    }
    if (!keep) {
      held = null;
      return;
    }
    if (sizes.every((size) => size !== null)) rememberRecordSize(data, sizes.reduce<number>((sum, size) => sum + size!, 0));
    held = { record: data, sizes };
  }

  /** Writes back what a read repaired or migrated; a failure is reported, the record read still returned. */
  async function writeBack(record: EscalationRecord, shards: ReadonlySet<number>): Promise<boolean> {
    try {
      await write(record, record, shards);
      return true;
    } catch (error) {
      report(`could not write the record back: ${error instanceof Error ? error.message : String(error)}`);
      return false;
    }
  }

  async function read(): Promise<EscalationRecord> {
    if (caching() && held) return held.record;
    const stored = await browser.storage.local.get(ALL_KEYS);
    const version = versionOf(stored[META_KEY]);
    const legacy = stored[RECORD_KEY];
    if ((version === null || version < 3) && legacy != null) {
      // v1 (an object) or v2 (JSON text) in the single key: written as shards and metadata in one set, then the old key removed.
      const { record, clean } = decodeRecord(legacy, report);
      if (!clean) report('rewritten without what could not be read');
      if (await writeBack(record, ALL_SHARDS)) await browser.storage.local.remove(RECORD_KEY);
      return record;
    }
    if (version === null && !SHARD_KEYS.some((key) => stored[key] != null)) return {};
    const { record, sizes, dirty } = decodeShards(stored, report);
    if (caching()) held = { record, sizes };
    const newer = version !== null && version > ESCALATION_RECORD_VERSION;
    if (newer) report(`stored by a newer version (v${version}); read as v${ESCALATION_RECORD_VERSION}`);
    if (newer || version === null) await writeBack(record, ALL_SHARDS);
    else if (dirty.size > 0) {
      report('rewritten without what could not be read');
      await writeBack(record, dirty);
    } else if (caching()) {
      if (sizes.every((size) => size !== null)) rememberRecordSize(record, sizes.reduce<number>((sum, size) => sum + size!, 0));
    }
    // A leftover of an interrupted migration.
    if (legacy != null) await browser.storage.local.remove(RECORD_KEY);
    return record;
  }

  return {
    key: ITEM_KEY,
    version: ESCALATION_RECORD_VERSION,
    get: () => serialised(read),
    set: (value) => serialised(() => write(value, null, ALL_SHARDS)),
    update: (change) =>
      serialised(async () => {
        const current = await read();
        const changed = change(current);
        // The very same value back means "no change": nothing to write.
        if (changed !== current) {
          const shards = changedShards(changed, current);
          if (shards.size > 0) await write(changed, current, shards);
          else if (caching() && held?.record === current) {
            // The same tickets in a new record: nothing to store; the figure carries over.
            held = { record: changed, sizes: held.sizes };
            const size = knownRecordSize(current);
            if (size !== undefined) rememberRecordSize(changed, size);
          }
        }
        return changed;
      }),
    remove: () =>
      serialised(async () => {
        held = null;
        await browser.storage.local.remove(ALL_KEYS);
      }),
    watch(callback) {
      let reads: Promise<unknown> = Promise.resolve();
      const listener = (changes: Changes, area: string) => {
        if (area !== 'local' || !touchesRecord(changes)) return;
        // A change names only the shards it wrote: the record is read whole, in order of the changes.
        reads = reads.then(async () => {
          const stored = await browser.storage.local.get(ALL_KEYS);
          callback(decodeShards(stored, report).record);
        });
        reads = reads.catch((error: unknown) => report(`could not read the record for a watcher: ${error instanceof Error ? error.message : String(error)}`));
      };
      browser.storage.onChanged.addListener(listener);
      return () => browser.storage.onChanged.removeListener(listener);
    },
  };
}

export const escalationRecordItem = defineEscalationRecordItem();

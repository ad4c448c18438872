import { decodeRecord } from './escalation-record-check';
import type { EscalationRecord, TicketRecord } from './escalation-record-schema';
import { recordSizeFromJsonLength } from './escalation-record-size';

/**
 * How the escalation record (v3) is laid out in storage: its tickets spread over SHARD_COUNT keys
 * (`escalationRecord#00`..`#63`), each the JSON text of the tickets whose key hashes to it, so a
 * change to one ticket rewrites ~1/64 of the record instead of all ~1.5 M characters (issue 11:
 * the whole text written, and handed old+new to every storage.onChanged listener, cost a raising
 * wake 70–110 ms in Chromium). The record has no fields besides its tickets.
 */

export const SHARD_COUNT = 64;

export const RECORD_KEY = 'escalationRecord';
/** The item's metadata: `{ v, n, w }` (version, shard count, the writing context's stamp). */
export const META_KEY = `${RECORD_KEY}$`;

export const shardKey = (shard: number): string => `${RECORD_KEY}#${String(shard).padStart(2, '0')}`;

export const SHARD_KEYS: readonly string[] = Array.from({ length: SHARD_COUNT }, (_, shard) => shardKey(shard));
const SHARD_KEY_SET: ReadonlySet<string> = new Set(SHARD_KEYS);

export const isShardKey = (key: string): boolean => SHARD_KEY_SET.has(key);

/** The shard of a ticket key: FNV-1a (32 bits) over its UTF-16 code units, stable across versions and contexts. */
export function shardOf(ticketKey: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < ticketKey.length; i++) {
    hash ^= ticketKey.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % SHARD_COUNT;
}

/** Sets a key as an own field (a ticket key such as `__proto__` must not reach the prototype). */
export const setOwnTicket = (record: EscalationRecord, key: string, ticket: TicketRecord): void => {
  Object.defineProperty(record, key, { value: ticket, enumerable: true, writable: true, configurable: true });
};

/**
 * The shards whose tickets differ between `before` and `after` (by identity: tickets are replaced,
 * never changed in place); every shard when `before` is null.
 */
export function changedShards(after: EscalationRecord, before: EscalationRecord | null): Set<number> {
  if (before === null) return new Set(Array.from({ length: SHARD_COUNT }, (_, shard) => shard));
  const changed = new Set<number>();
  for (const key of Object.keys(after)) {
    if (!(Object.hasOwn(before, key) && before[key] === after[key])) changed.add(shardOf(key));
  }
  for (const key of Object.keys(before)) if (!Object.hasOwn(after, key)) changed.add(shardOf(key));
  return changed;
}

/** The record's tickets in the given shards, one record per shard (an empty one for a shard left without tickets). */
export function splitIntoShards(record: EscalationRecord, shards: ReadonlySet<number>): Map<number, EscalationRecord> {
  const parts = new Map<number, EscalationRecord>();
  for (const shard of shards) parts.set(shard, {});
  for (const key of Object.keys(record)) {
    const part = parts.get(shardOf(key));
    if (part) setOwnTicket(part, key, record[key]!);
  }
  return parts;
}

export interface DecodedShards {
  record: EscalationRecord;
  sizes: Array<number | null>;
  /** Shards to write back: tickets dropped or stripped, misplaced or found twice. */
  dirty: Set<number>;
}

/** The tickets of every shard in `stored`, each ticket checked; what does not read is reported by shard and ticket. */
export function decodeShards(stored: Record<string, unknown>, report: (reason: string) => void): DecodedShards {
  const record: EscalationRecord = {};
  const sizes: Array<number | null> = [];
  const dirty = new Set<number>();
  for (let shard = 0; shard < SHARD_COUNT; shard++) {
    const key = shardKey(shard);
    const value = stored[key];
    if (value == null) {
      sizes.push(0);
      continue;
    }
    const { record: part, clean } = decodeRecord(value, (reason) => report(`${key}: ${reason}`));
    if (!clean || typeof value !== 'string') dirty.add(shard);
    // Compact JSON as written here (pretty-printed text has line breaks): its length gives the size the caps bound.
    let size = clean && typeof value === 'string' && !value.includes('\n') ? recordSizeFromJsonLength(part, value.length) : null;
    for (const ticketKey of Object.keys(part)) {
      const home = shardOf(ticketKey);
      if (home !== shard || Object.hasOwn(record, ticketKey)) {
        report(`ticket ${ticketKey} found in ${key}${home === shard ? ' twice' : ` (its shard is ${shardKey(home)})`}; kept once, in its shard`);
        dirty.add(shard).add(home);
        size = null;
      }
      setOwnTicket(record, ticketKey, part[ticketKey]!);
    }
    sizes.push(size);
  }
  return { record, sizes, dirty };
}

import { browser } from 'wxt/browser';
import { checkChangedTickets, decodeRecord } from './escalation-record-check';
import { knowRecordSizeFromJson } from './escalation-record-size';
import type { EscalationRecord } from './escalation-record-schema';
import { type ParsedItem, parsedItemCaching, StorageWriteError } from './parsed-item';
import { reportStorageProblem } from './storage-log';

export * from './escalation-record-schema';

/**
 * The escalation record in storage: `local:escalationRecord`, version 2, the record as JSON text.
 * Only the background writes it, on the wakes that matter (a level reached, a notification
 * raised, an acknowledgement read from a note) and on "Mark notified"; near its caps it is ~1.5 M
 * characters, so (issue 11 (b), bench/escalation-record.bench.ts):
 *
 * - text, not an object: storage hands a new service worker a string in one piece, an object
 *   value by value (tens of ms for megabytes);
 * - each ticket is checked without zod when it is exactly what the schema wants
 *   (escalation-record-check.ts), with zod otherwise: a ticket that does not parse is dropped and
 *   reported with its key and the field at fault, every other ticket kept;
 * - a write checks only the tickets that changed since the value was read (tickets are never
 *   changed in place: lib/record replaces them), then stores the text and version together;
 * - the background (setParsedItemCaching) keeps the record in memory; a write by another context
 *   (any stored text this context did not write) drops it.
 *
 * v1 stored the record as an object: read per ticket as above and rewritten as text, nothing
 * lost but the tickets that did not parse (v1 reads dropped those too).
 */

export const ESCALATION_RECORD_VERSION = 2;

const KEY = 'escalationRecord';
const META_KEY = `${KEY}$`;
const ITEM_KEY = `local:${KEY}` as const;

const report = (reason: string) => reportStorageProblem(ITEM_KEY, reason);

interface Held {
  record: EscalationRecord;
  /** The text storage holds for it (what this context read or wrote). */
  text: string | null;
}

function defineEscalationRecordItem(): ParsedItem<EscalationRecord> {
  let queue: Promise<unknown> = Promise.resolve();
  let held: Held | null = null;
  /** Texts this context wrote whose change events have not come back yet. */
  const ownTexts = new Set<string>();

  function serialised<R>(task: () => Promise<R>): Promise<R> {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  }

  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'local' || !(KEY in changes)) return;
    const text = changes[KEY]?.newValue;
    if (typeof text === 'string' && ownTexts.delete(text)) return;
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

  /** Validates the tickets not in `before` (by identity), then stores the text and the version together. */
  async function write(value: EscalationRecord, before: EscalationRecord | null): Promise<void> {
    const checked = checkChangedTickets(value, before);
    if (!checked.ok) throw new StorageWriteError(`${ITEM_KEY}: ${checked.problems.join('; ')}`);
    const data = checked.record;
    const text = JSON.stringify(data);
    const keep = caching();
    if (keep) ownTexts.add(text);
    try {
      await browser.storage.local.set({ [KEY]: text, [META_KEY]: { v: ESCALATION_RECORD_VERSION } });
    } catch (error) {
      ownTexts.delete(text);
      held = null;
      throw error;
    }
    if (keep) knowRecordSizeFromJson(data, text.length);
    held = keep ? { record: data, text } : null;
  }

  async function read(): Promise<EscalationRecord> {
    if (caching() && held) return held.record;
    const stored = await browser.storage.local.get([KEY, META_KEY]);
    const value: unknown = stored[KEY];
    if (value == null) return {};
    const meta = stored[META_KEY] as { v?: unknown } | undefined;
    const version = typeof meta?.v === 'number' && Number.isInteger(meta.v) && meta.v >= 1 ? meta.v : 1;
    const { record, clean } = decodeRecord(value, report);
    const newer = version > ESCALATION_RECORD_VERSION;
    if (newer) report(`stored by a newer version (v${version}); read as v${ESCALATION_RECORD_VERSION}`);
    if (!clean || newer || typeof value !== 'string' || version < ESCALATION_RECORD_VERSION) {
      // Migrated (v1's object to text), repaired or read from a newer version: stored as this version reads it.
      if (!clean) report('rewritten without what could not be read');
      try {
        await write(record, record);
      } catch (error) {
        report(`could not write the record back: ${error instanceof Error ? error.message : String(error)}`);
      }
      return record;
    }
    if (caching()) {
      // Compact JSON as written here (pretty-printed text has line breaks): its length gives the size the caps bound.
      if (!value.includes('\n')) knowRecordSizeFromJson(record, value.length);
      held = { record, text: value };
    }
    return record;
  }

  return {
    key: ITEM_KEY,
    version: ESCALATION_RECORD_VERSION,
    get: () => serialised(read),
    set: (value) => serialised(() => write(value, null)),
    update: (change) =>
      serialised(async () => {
        const current = await read();
        const changed = change(current);
        // The very same value back means "no change": nothing to write.
        if (changed !== current) await write(changed, current);
        return changed;
      }),
    remove: () =>
      serialised(async () => {
        held = null;
        await browser.storage.local.remove([KEY, META_KEY]);
      }),
    watch(callback) {
      const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
        if (area !== 'local' || !(KEY in changes)) return;
        const value = changes[KEY]?.newValue;
        callback(value == null ? {} : decodeRecord(value, report).record);
      };
      browser.storage.onChanged.addListener(listener);
      return () => browser.storage.onChanged.removeListener(listener);
    },
  };
}

export const escalationRecordItem = defineEscalationRecordItem();

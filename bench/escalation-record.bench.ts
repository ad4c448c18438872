import '../lib/zod-jitless';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { capRecord, knowRecordSizeFromJson, RECORD_LIMITS, withAcknowledgement, withLevels, withNotifications, type TicketFacts } from '../lib/record';
import { checkChangedTickets, decodeRecord } from '../lib/storage/escalation-record-check';
import { changedShards, decodeShards, SHARD_COUNT, shardKey, splitIntoShards } from '../lib/storage/escalation-record-shards';
import { recordSizeFromJsonLength, rememberRecordSize } from '../lib/storage/escalation-record-size';
import { type EscalationRecord, escalationRecordSchema, type RecordedNotification } from '../lib/storage/escalation-record-schema';
import { seededRandom } from './ticket-generator';

/**
 * What one recorded change costs the background with the escalation record near its caps (2,000
 * tickets, ~1.5 M characters): the read (the stored value as storage hands it over, then parsed)
 * and one change as `escalationRecordItem.update` makes it (the change, the validation, the value
 * handed to storage). Cold is the first call in a fresh process (a new service worker, zod
 * jitless as in the extension), warm the calls after it. "Store" is what the item hands to
 * storage.local.set (structured-cloned here, once: Chromium also hands the old and new values to
 * every storage.onChanged listener, which this process cannot measure): v2 the whole text, v3 the
 * changed ticket's shard and the metadata; the characters written per change are printed.
 *   npx vite-node bench/escalation-record.bench.ts
 */

const TICKETS = 2000;
const ROLES = ['sales-rep', 'district-sales-manager', 'escalation-director', 'cto'] as const;
const KINDS = ['level', 'warn-level', 'reminder', 'ack-timeout', 'update', 'response'] as const;
const PEOPLE = ['Jane Doe', 'Wei Zhang', 'Erin Director', 'Priya Raman', null] as const;

function buildRecord(): EscalationRecord {
  const random = seededRandom(2026);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)]!;
  const record: EscalationRecord = {};
  const base = Date.UTC(2026, 10, 1);
  for (let n = 0; n < TICKETS; n++) {
    const id = String(500_000 + n);
    const facts: TicketFacts = {
      key: `zendesk:${id}@https://acme.zendesk.com`,
      system: 'zendesk',
      id,
      title: `Customer ${n % 97}: API returns 502`,
      url: `https://acme.zendesk.com/agent/tickets/${id}`,
      severity: (1 + (n % 4)) as 1 | 2 | 3 | 4,
    };
    const start = base + Math.floor(random() * 30 * 24 * 60) * 60_000;
    const at = (minutes: number) => new Date(start + minutes * 60_000);
    // One ticket's record on its own (capRecord measures the whole record on every change), merged below.
    let one: EscalationRecord = {};
    const levelCount = 1 + Math.floor(random() * 2.3);
    const levels = Array.from({ length: levelCount }, (_, i) => ({ level: i + 1, levelId: `sev${facts.severity}-l${i + 1}`, at: at(i * 30).toISOString() }));
    one = withLevels(one, facts, levels, at(levelCount * 30));
    const notifications: RecordedNotification[] = Array.from({ length: 1 + Math.floor(random() * 2.4) }, (_, i) => ({
      id: `${facts.key}|${pick(KINDS)}|${i}`,
      kind: pick(KINDS),
      at: at(i * 30 + 1).toISOString(),
      level: i + 1 > levelCount ? null : i + 1,
      roles: ROLES.slice(0, 1 + Math.floor(random() * 2)),
    }));
    one = withNotifications(one, facts, notifications, at(levelCount * 30 + 2));
    for (let i = 0; i < Math.floor(random() * 2.2); i++) {
      one = withAcknowledgement(
        one,
        facts,
        { role: ROLES[i]!, level: i + 2, levelStartedAt: at(i * 30).toISOString(), at: at(i * 30 + 12).toISOString(), how: pick(['button', 'reply', 'note'] as const), person: pick(PEOPLE), channel: random() < 0.3 ? 'Slack' : null, noteWritten: random() < 0.5 },
        at(i * 30 + 12),
      );
    }
    Object.assign(record, one);
  }
  // As the background keeps it: within the caps (at the size cap, every change drops the least recently updated ticket).
  return capRecord(record);
}

/** The change a wake makes: one notification raised on one ticket. */
function oneChange(record: EscalationRecord, n: number): EscalationRecord {
  const id = String(500_000 + (n % TICKETS));
  const facts: TicketFacts = { key: `zendesk:${id}@https://acme.zendesk.com`, system: 'zendesk', id, title: 'Payments API returns 502', url: `https://acme.zendesk.com/agent/tickets/${id}`, severity: 1 };
  const now = new Date(Date.UTC(2026, 11, 5, 3, 0, n));
  return withNotifications(record, facts, [{ id: `bench-${n}`, kind: 'reminder', at: now.toISOString(), level: 2, roles: ['sales-rep'] }], now);
}

interface Sample {
  read: number;
  change: number;
}

/** v1: the record as one object; storage hands it over by structured clone; zod parses it whole, write validates it whole. */
function sampleV1(stored: unknown, n: number): Sample {
  let t = performance.now();
  const parsed = escalationRecordSchema.parse(structuredClone(stored));
  const read = performance.now() - t;
  t = performance.now();
  const changed = oneChange(parsed, n);
  const data = escalationRecordSchema.parse(changed);
  structuredClone(data);
  return { read, change: performance.now() - t };
}

const ignore = () => undefined;
/** What v2 stores: the record as JSON text. */
let storedText = '';

/** v2 (the code the item runs): JSON text, handed over in one piece; tickets checked without zod; a write checks the changed ticket and serialises. */
function changeV2(record: EscalationRecord, n: number): EscalationRecord {
  const changed = oneChange(record, n);
  const checked = checkChangedTickets(changed, record);
  if (!checked.ok) throw new Error(checked.problems.join('; '));
  structuredClone(JSON.stringify(checked.record));
  return checked.record;
}

/** v2 in the background: read once per worker (its size figure from the text's length), then kept in memory (setParsedItemCaching). */
let held: EscalationRecord | null = null;
function sampleV2Background(stored: unknown, n: number): Sample {
  let t = performance.now();
  if (!held) {
    const text = structuredClone(storedText);
    held = decodeRecord(text, ignore).record;
    knowRecordSizeFromJson(held, text.length);
  }
  const read = performance.now() - t;
  t = performance.now();
  held = changeV2(held, n);
  return { read, change: performance.now() - t };
}

/** What v3 stores: the record in SHARD_COUNT shards of JSON text. */
let storedShards: Record<string, string> = {};
let writtenChars = 0;

/** v3 (the code the item runs): one change checked, only its shards stringified and handed to storage with the metadata. */
function changeV3(record: EscalationRecord, n: number): EscalationRecord {
  const changed = oneChange(record, n);
  const checked = checkChangedTickets(changed, record);
  if (!checked.ok) throw new Error(checked.problems.join('; '));
  const items: Record<string, unknown> = {};
  for (const [shard, part] of splitIntoShards(checked.record, changedShards(changed, record))) {
    const text = JSON.stringify(part);
    items[shardKey(shard)] = text;
    recordSizeFromJsonLength(part, text.length);
    writtenChars += text.length;
  }
  items.escalationRecord$ = { v: 3, n: SHARD_COUNT, w: `bench:${n}` };
  structuredClone(items);
  return checked.record;
}

/** v3 in the background: every shard read in one get (once per worker, sizes from text lengths), then kept in memory. */
let heldV3: EscalationRecord | null = null;
function sampleV3Background(_stored: unknown, n: number): Sample {
  let t = performance.now();
  if (!heldV3) {
    const decoded = decodeShards(structuredClone(storedShards), ignore);
    heldV3 = decoded.record;
    rememberRecordSize(heldV3, decoded.sizes.reduce<number>((sum, size) => sum + (size ?? 0), 0));
  }
  const read = performance.now() - t;
  t = performance.now();
  heldV3 = changeV3(heldV3, n);
  return { read, change: performance.now() - t };
}

const SAMPLERS: Record<string, (stored: unknown, n: number) => Sample> = {
  v1: sampleV1,
  'v2 (background: text, checked without zod, kept in memory)': sampleV2Background,
  'v3 (background: 64 shards, only the changed shard written)': sampleV3Background,
};

const stats = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return `p50 ${sorted[Math.floor((sorted.length - 1) / 2)]!.toFixed(1)} ms, max ${sorted[sorted.length - 1]!.toFixed(1)} ms`;
};

const { BENCH_CHILD: file, BENCH_FORMAT: format } = process.env;
if (file) {
  // A fresh process: its first sample is what a new service worker pays; then warm samples.
  storedText = readFileSync(file!, 'utf8');
  const stored = JSON.parse(storedText) as unknown;
  storedShards = Object.fromEntries([...splitIntoShards(stored as EscalationRecord, new Set(Array.from({ length: SHARD_COUNT }, (_, shard) => shard)))].map(([shard, part]) => [shardKey(shard), JSON.stringify(part)]));
  const sampler = SAMPLERS[format!]!;
  const samples = Array.from({ length: 11 }, (_, n) => sampler(stored, n));
  if (format!.startsWith('v3')) console.error(`v3 characters written per change: ${Math.round(writtenChars / samples.length).toLocaleString('en')} (v2: ${storedText.length.toLocaleString('en')})`);
  console.log(JSON.stringify(samples));
} else {
  const record = buildRecord();
  const chars = JSON.stringify(record).length;
  const entries = Object.values(record).reduce((sum, t) => sum + t.levels.length + t.notifications.length + t.acknowledgements.length, 0);
  console.log(`record: ${Object.keys(record).length} tickets, ${entries} entries, ${chars.toLocaleString('en')} characters (cap ${RECORD_LIMITS.chars.toLocaleString('en')})`);
  const dir = mkdtempSync(join(tmpdir(), 'ew-record-bench-'));
  const path = join(dir, 'record.json');
  writeFileSync(path, JSON.stringify(record));
  const runs = Number(process.env.RUNS ?? 5);
  for (const format of Object.keys(SAMPLERS)) {
    const cold: Sample[] = [];
    const warm: Sample[] = [];
    for (let run = 0; run < runs; run++) {
      const child = spawnSync('npx', ['vite-node', fileURLToPath(import.meta.url)], { encoding: 'utf8', maxBuffer: 1 << 24, env: { ...process.env, BENCH_CHILD: path, BENCH_FORMAT: format } });
      if (child.status !== 0) throw new Error(child.stderr);
      if (run === 0 && child.stderr.includes('characters written')) console.log(child.stderr.trim().split('\n').find((line) => line.includes('characters written')));
      const samples = JSON.parse(child.stdout.trim().split('\n').pop()!) as Sample[];
      cold.push(samples[0]!);
      warm.push(...samples.slice(1));
    }
    console.log(`${format} cold (${runs} fresh processes): read ${stats(cold.map((s) => s.read))}; one change+validate+store ${stats(cold.map((s) => s.change))}`);
    console.log(`${format} warm (${warm.length} calls): read ${stats(warm.map((s) => s.read))}; one change+validate+store ${stats(warm.map((s) => s.change))}`);
  }
  rmSync(dir, { recursive: true });
}

import { performance } from 'node:perf_hooks';
import { readFileSync } from 'node:fs';
import {
  addBusinessTime,
  businessTimeBetween,
  calendarFor,
  calendarForOffice,
  endOfNthBusinessDay,
  type OfficeCalendar,
} from '../lib/calendar';
import { policySchema } from '../lib/policy/schema';

/**
 * Micro-benchmark of the calendar alone (the product benchmark is evaluate.bench.ts):
 *   npx vite-node bench/calendar.bench.ts
 * Prints the cost of a cold calendar (day tables filled from Intl) and of warm calls, the way
 * the engine makes them (~100k per 10,000 tickets).
 */

const policy = policySchema.parse(JSON.parse(readFileSync(new URL('../test/fixtures/policy.sample.json', import.meta.url), 'utf8')));
const officeIds = Object.keys(policy.offices);
const calendars = officeIds.map((id) => calendarFor(policy, id));
const HOUR = 3_600_000;
const DAY = 86_400_000;
const CALLS = 100_000;
const start = Date.parse('2026-03-01T00:00:00Z');

// Deterministic pseudo-random inputs (LCG), prepared before timing.
let seed = 42;
const random = (): number => ((seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);
const inputs = Array.from({ length: CALLS }, () => ({
  office: Math.floor(random() * calendars.length),
  from: start + Math.floor(random() * 60 * DAY),
  kind: Math.floor(random() * 3),
  amount: Math.ceil(random() * 16) * HOUR,
  n: 1 + Math.floor(random() * 5),
  span: Math.floor(random() * 5 * DAY),
}));

function runMixed(on: readonly OfficeCalendar[] = calendars): number {
  let checksum = 0;
  for (const { office, from, kind, amount, n, span } of inputs) {
    const cal = on[office]!;
    if (kind === 0) checksum += addBusinessTime(cal, from, amount) - from;
    else if (kind === 1) checksum += endOfNthBusinessDay(cal, from, n) - from;
    else checksum += businessTimeBetween(cal, from, from + span);
  }
  return checksum;
}

function timed(label: string, run: () => number, repeat = 1): void {
  const started = performance.now();
  let checksum = 0;
  for (let i = 0; i < repeat; i++) checksum += run();
  const ms = (performance.now() - started) / repeat;
  console.log(`${label.padEnd(58)} ${ms.toFixed(2).padStart(8)} ms   (checksum ${checksum % 1000})`);
}

const coldYear = (cal: OfficeCalendar): number => businessTimeBetween(cal, start, start + 365 * DAY);
timed('cold: one year of one fresh calendar (fills ~365 days)', () =>
  coldYear(calendarForOffice('hq', policy.offices['hq']!)), 20);
timed('first mixed pass (cold code, fills the day tables it needs)', () => runMixed());
for (let i = 0; i < 5; i++) runMixed();
timed(`warm: ${CALLS.toLocaleString('en')} mixed calls`, () => runMixed(), 10);
timed('warm code, fresh calendars (the cost of filling their tables)', () =>
  runMixed(officeIds.map((id) => calendarForOffice(id, policy.offices[id]!))), 5);
const hq = calendars[0]!;
coldYear(hq);
timed(`warm: ${(10_000).toLocaleString('en')} × business time over one year`, () => {
  let total = 0;
  for (let i = 0; i < 10_000; i++) total += businessTimeBetween(hq, start + i, start + i + 365 * DAY);
  return total;
}, 5);

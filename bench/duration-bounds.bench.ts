import { performance } from 'node:perf_hooks';
import { evaluate } from '../lib/engine/evaluate';
import { ticketFromJson } from '../lib/engine/ticket-schema';
import { parsePolicy } from '../lib/policy';
import { DURATION_MAX } from '../lib/policy/duration';
import sample from '../lib/policy/sample-policy.json';

/**
 * The largest business durations a policy may hold (lib/policy/duration.ts DURATION_MAX) keep an
 * evaluation fast: a Sev 3 whose response and level 2 are DURATION_MAX.businessDays away,
 * against one with a single business day.
 *   npx vite-node bench/duration-bounds.bench.ts
 */

const ticket = ticketFromJson({
  system: 'zendesk',
  id: '1',
  url: 'https://acme.zendesk.com/agent/tickets/1',
  title: 'Slow reports',
  createdAt: '2026-07-14T08:00:00.000Z',
  severity: 3,
  status: 'active',
  office: 'hq',
  workaround: false,
  history: [],
});
const now = new Date('2026-07-15T08:00:00Z');

for (const days of [1, DURATION_MAX.businessDays]) {
  const severity = { ...sample.severities['3'], response: { businessDays: days }, escalate: { l2: { businessDays: days } } };
  const policy = parsePolicy({ ...sample, severities: { ...sample.severities, '3': severity } });
  let start = performance.now();
  evaluate(ticket, policy, now, []);
  const cold = performance.now() - start;
  start = performance.now();
  for (let i = 0; i < 1000; i++) evaluate(ticket, policy, now, []);
  const warm = (performance.now() - start) / 1000;
  console.log(`businessDays ${days}: first evaluation ${cold.toFixed(1)} ms (calendar tables filled), then ${warm.toFixed(3)} ms each`);
}

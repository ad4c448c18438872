import { performance } from 'node:perf_hooks';
import type { Severity, Ticket } from '../lib/engine/types';
import { parsePolicy } from '../lib/policy';
import sample from '../lib/policy/sample-policy.json';
import { forecastView } from '../lib/view-model/forecast-view';
import { forecast } from '../lib/forecast';
import { seededRandom } from './ticket-generator';

/**
 * What the background does for the popup's "Next 24 h" with the store full: forecast 2,000
 * watched tickets over 24 hours (and to each office's reopening for the handoffs), resolve people,
 * build strips and handoffs, and the size of the answer the popup receives.
 *   npx vite-node bench/forecast-view.bench.ts
 */

const policy = parsePolicy(sample);
const offices = Object.keys(policy.offices);
const now = new Date('2026-12-04T23:30:00Z');
const random = seededRandom(15);
const tickets = Array.from({ length: 2000 }, (_, index) => {
  const createdAt = new Date(now.getTime() - Math.floor(random() * 48 * 60) * 60_000);
  const severity = (1 + Math.floor(random() * 4)) as Severity;
  const ticket: Ticket = {
    system: 'zendesk',
    id: String(100_000 + index),
    url: `https://acme.zendesk.com/agent/tickets/${100_000 + index}`,
    title: `Generated ticket ${index}`,
    createdAt,
    severity,
    status: 'active',
    office: offices[index % offices.length] ?? null,
    workaround: false,
    history: [{ at: createdAt, kind: 'severity', to: severity }, ...(random() < 0.6 ? [{ at: new Date(createdAt.getTime() + 10 * 60_000), kind: 'publicReply' as const }] : [])],
  };
  return { key: `zendesk:${ticket.id}@https://acme.zendesk.com`, ticket, acknowledged: [], organization: null };
});
const words = { t: (key: string) => key, formatInstant: (at: Date) => at.toISOString(), formatDuration: String };

for (const run of ['cold', 'warm 1', 'warm 2', 'warm 3']) {
  const start = performance.now();
  const answer = forecastView({ tickets, policy, directory: { roles: {}, salesReps: [], directorRotations: {} }, now, hours: 24, myOffice: null, words });
  const ms = performance.now() - start;
  console.log(`${run}: ${ms.toFixed(0)} ms for ${tickets.length} tickets → ${answer.events.length} events in 24 h, ${answer.handoffs.reduce((n, h) => n + h.tickets.length, 0)} handoff tickets, answer ${(JSON.stringify(answer).length / 1024).toFixed(0)} KB`);
}

{
  const start = performance.now();
  const events = forecast(tickets.map((t) => t.ticket), policy, now, new Date(now.getTime() + 24 * 3_600_000));
  console.log(`forecast() alone, 24 h: ${(performance.now() - start).toFixed(0)} ms, ${events.length} events`);
}

{
  const answer = forecastView({ tickets, policy, directory: { roles: {}, salesReps: [], directorRotations: {} }, now, hours: 24, myOffice: null, words });
  const kb = (value: unknown) => `${(JSON.stringify(value).length / 1024).toFixed(0)} KB`;
  console.log(`answer parts: events ${kb(answer.events)} (${answer.events.length}), later ${kb(answer.later)} (${answer.later.length}), handoffs without text ${kb(answer.handoffs.map((h) => ({ ...h, text: '' })))}, handoff texts ${kb(answer.handoffs.map((h) => h.text))}, strips ${kb(answer.offices)}`);
}

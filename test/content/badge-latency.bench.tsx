// @vitest-environment happy-dom
/**
 * How long from the ticket data arriving to the badge being in the page (SPEC §5: ≤ 300 ms).
 * The runtime marks `ew:data:<id>` when fetchTicket resolves and measures `ew:badge:<id>` once
 * the badge is rendered; this drives route changes between tickets and reports those measures.
 *
 *   npx vitest bench --run test/content/badge-latency.bench.tsx
 */
import { bench, describe } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { useEnglishMessages } from '../i18n/english-messages';
import { fetched, makeTicket, startHarness, ticketBadgeRoot, ticketPageHtml } from './harness';

fakeBrowser.reset();
useEnglishMessages();

const answers = new Map(Array.from({ length: 50 }, (_, i) => [String(i + 1), fetched(makeTicket(String(i + 1), ((i % 3) + 1) as 1 | 2 | 3, 30 + i * 17))]));
const harness = startHarness({ path: '/settings', answers });
let visit = 0;

async function badgeShown(): Promise<void> {
  for (let i = 0; i < 1000 && !ticketBadgeRoot()?.querySelector('.ew-badge'); i++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

describe('badge latency', () => {
  bench(
    'route to a ticket → badge rendered (includes route handling)',
    async () => {
      const id = String((visit++ % 50) + 1);
      document.body.replaceChildren();
      document.body.insertAdjacentHTML('beforeend', ticketPageHtml(id));
      harness.go(`/tickets/${id}`);
      await badgeShown();
      harness.go('/settings');
    },
    { iterations: 200, warmupIterations: 20, teardown: report },
  );
});

function report(): void {
  {
    const durations = performance
      .getEntriesByType('measure')
      .filter((entry) => entry.name.startsWith('ew:badge:'))
      .map((entry) => entry.duration)
      .sort((a, b) => a - b);
    const at = (q: number) => durations[Math.min(durations.length - 1, Math.floor(q * durations.length))]?.toFixed(2);
    process.stderr.write(
      `data arrival → badge rendered (performance.measure 'ew:badge:*', last per ticket): n=${durations.length} p50=${at(0.5)} ms p95=${at(0.95)} ms max=${at(1)} ms\n`,
    );
  }
}

// @vitest-environment happy-dom
/**
 * Main-thread cost of a 1,000-row view: every piece of list work runs in an idle callback, so the
 * longest callback is the worst stall the page sees and the sum is the total work. Rows near the
 * viewport (the first 60, then a scroll to rows 500–560) get badges.
 *
 *   npx vitest bench --run test/content/list-main-thread.bench.tsx
 */
import { bench, describe } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { useEnglishMessages } from '../i18n/english-messages';
import { startHarness } from './harness';

fakeBrowser.reset();
useEnglishMessages();

const slices: number[] = [];
function timedIdle(callback: () => void): () => void {
  const handle = setTimeout(() => {
    const start = performance.now();
    callback();
    slices.push(performance.now() - start);
  }, 0);
  return () => clearTimeout(handle);
}

function table(): string {
  const rows = Array.from({ length: 1000 }, (_, i) => `<tr data-id="${i + 1}"><td>#${i + 1}</td><td>Subject ${i + 1}</td></tr>`);
  return `<table><tbody>${rows.join('')}</tbody></table>`;
}

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 5000 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 0));
}

const runs: Array<{ start: number; total: number; longest: number; badges: number }> = [];

describe('1,000-row view', () => {
  bench(
    'open the view, badge the visible rows, scroll once',
    async () => {
      slices.length = 0;
      const h = startHarness({ path: '/settings', overrides: { requestIdle: timedIdle } });
      document.body.insertAdjacentHTML('beforeend', table());
      const started = performance.now();
      h.go('/views/1');
      const startup = performance.now() - started;
      const rows = [...document.querySelectorAll('tr')];
      h.intersections.show(rows.slice(0, 60));
      await until(() => document.querySelectorAll('ew-row-badge').length === 60);
      h.intersections.show(rows.slice(500, 560));
      await until(() => document.querySelectorAll('ew-row-badge').length === 120);
      runs.push({
        start: startup,
        total: slices.reduce((a, b) => a + b, 0),
        longest: Math.max(...slices),
        badges: document.querySelectorAll('ew-row-badge').length,
      });
      h.stop();
    },
    { iterations: 10, warmupIterations: 2, teardown: report },
  );
});

function report(): void {
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]?.toFixed(1);
  process.stderr.write(
    `1,000 rows, 120 badged: runtime start (sync scan + observe) median ${median(runs.map((r) => r.start))} ms; ` +
      `idle work total median ${median(runs.map((r) => r.total))} ms; longest single idle slice median ${median(runs.map((r) => r.longest))} ms; runs=${runs.length}\n`,
  );
  runs.length = 0;
}

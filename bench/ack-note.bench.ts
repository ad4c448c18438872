import { performance } from 'node:perf_hooks';
import { formatAckNote, parseAckNote } from '../lib/helpdesks/ack-note';

/**
 * The acknowledgement-note parser against 200,000-character comments shaped to hurt a regex
 * (many '<' without '>', unterminated tags, entities, the marker repeated). Budget: 50 ms each,
 * the first (cold) run and the slowest of five. Exits non-zero when over budget.
 *   npx vite-node bench/ack-note.bench.ts
 */

const SIZE = 200_000;
const BUDGET_MS = 50;
const note = formatAckNote({ roleName: 'Sales Rep', roleId: 'sales-rep', at: new Date('2026-07-14T10:05:00Z'), level: 2 });
const fill = (unit: string) => unit.repeat(Math.ceil(SIZE / unit.length)).slice(0, SIZE);

const shapes: Array<[string, string]> = [
  ["200k '<'", fill('<')],
  ["'<br' without '>'", fill('<br')],
  ["'<a' then a marker at the end", `${fill('<a ').slice(0, SIZE - note.length)}${note}`],
  ["'<a' on every line, one '>' at the very end", `${fill('<a\n').slice(0, SIZE - 1)}>`],
  ["'&' runs", fill('&aaaaaaaa')],
  ['the marker repeated on one line', fill('[Escalation Watch] Notified x at ')],
  ['the marker on many lines', fill(`${note.slice(0, 40)}\n`)],
  ['HTML with the note inside', `<p>${fill('<b>text</b> ').slice(0, SIZE - 200)}</p><p>${note}</p>`],
  ['plain text without the marker', fill('lorem ipsum ')],
];

let failed = false;
for (const [name, text] of shapes) {
  const runs: number[] = [];
  let result: ReturnType<typeof parseAckNote> = null;
  for (let run = 0; run < 5; run++) {
    const start = performance.now();
    result = parseAckNote(text);
    runs.push(performance.now() - start);
  }
  const worst = Math.max(...runs);
  const over = worst > BUDGET_MS;
  failed ||= over;
  const cold = runs[0] ?? 0;
  console.log(
    `${over ? 'OVER' : 'ok  '} cold ${cold.toFixed(2).padStart(6)} ms, worst ${worst.toFixed(2).padStart(6)} ms  ${name} (${text.length} chars) → ${result ? result.roleId : 'no note'}`,
  );
}
if (failed) {
  console.error(`some comment took longer than ${BUDGET_MS} ms`);
  process.exitCode = 1;
}

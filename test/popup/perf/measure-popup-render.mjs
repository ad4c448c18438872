#!/usr/bin/env node
/* global process, console */
/**
 * Times the popup with 500 watched tickets in real Chromium (headless), with performance.now().
 *   node test/popup/perf/measure-popup-render.mjs [tickets=500] [runs=7]
 * Bundles render-harness.tsx with esbuild (the popup's own CSS included), opens it in Chromium
 * (CHROMIUM env or /usr/bin/chromium), warms up once, then prints the median of the runs.
 */
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer-core';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '../../..');
const tickets = Number(process.argv[2] ?? 500);
const runs = Number(process.argv[3] ?? 7);
const out = mkdtempSync(join(tmpdir(), 'ew-popup-perf-'));

await build({
  entryPoints: [join(here, 'render-harness.tsx')],
  bundle: true,
  format: 'esm',
  outfile: join(out, 'harness.js'),
  jsx: 'automatic',
  jsxImportSource: 'preact',
  minify: true,
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'warning',
});
const css = readFileSync(join(root, 'entrypoints/popup/popup.css'), 'utf8');
writeFileSync(join(out, 'index.html'), `<!doctype html><meta charset="utf-8"><style>${css}</style><body></body><script type="module" src="./harness.js"></script>`);

const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--allow-file-access-from-files'],
  defaultViewport: { width: 440, height: 600 },
});
try {
  const page = await browser.newPage();
  page.on('pageerror', (error) => console.error('page error:', error));
  await page.goto(pathToFileURL(join(out, 'index.html')).href);
  await page.waitForFunction(() => typeof globalThis.measurePopup === 'function');
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const collect = async (fn) => {
    await page.evaluate((name, n) => globalThis[name](n), fn, tickets); // warm-up (JIT, formatters)
    const results = [];
    for (let i = 0; i < runs; i++) results.push(await page.evaluate((name, n) => globalThis[name](n), fn, tickets));
    const summary = { tickets: results[0].tickets, renderedRows: results[0].renderedRows };
    for (const key of Object.keys(results[0]).filter((k) => k.endsWith('Ms'))) summary[key] = Number(median(results.map((r) => r[key])).toFixed(1));
    return summary;
  };
  const version = await browser.version();
  console.log(`Chromium ${version}, ${runs} runs after a warm-up, median ms:`);
  console.log('popup (windowed list, includes evaluating every ticket):', await collect('measurePopup'));
  console.log('for comparison, every row rendered without a window:', await collect('measureUnwindowed'));
} finally {
  await browser.close();
}

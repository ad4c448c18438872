/**
 * Runs page.tsx in headless Chromium and prints what it measured:
 *
 *   npx vite-node test/content/in-browser/measure.ts       (needs /usr/bin/chromium)
 */
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { build } from 'esbuild';
import puppeteer from 'puppeteer-core';

const here = resolve('test/content/in-browser');
const catalog = JSON.parse(readFileSync(resolve('public/_locales/en/messages.json'), 'utf8')) as Record<string, { message: string }>;

// The page has no extension APIs: `browser.i18n` answers from the English catalog.
const browserStub = `
import { messageFromCatalog } from '${resolve('lib/i18n/catalog-message.ts')}';
const catalog = ${JSON.stringify(catalog)};
export const browser = { i18n: { getMessage: (key, subs) => messageFromCatalog(catalog, key, subs), getUILanguage: () => 'en' } };
`;

async function main(): Promise<void> {
  const bundle = await build({
    entryPoints: [resolve(here, 'page.tsx')],
    bundle: true,
    minify: true,
    write: false,
    format: 'esm',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    plugins: [
      {
        name: 'browser-stub',
        setup(builder) {
          builder.onResolve({ filter: /^wxt\/browser$/ }, () => ({ path: 'wxt-browser-stub', namespace: 'stub' }));
          builder.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({ contents: browserStub, loader: 'js', resolveDir: here }));
        },
      },
    ],
    inject: [resolve(here, 'browser-global.ts')],
  });
  const script = bundle.outputFiles[0]?.text ?? '';
  const server = createServer((request, response) => {
    if (request.url === '/page.js') {
      response.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
    } else {
      response.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><html><body></body><script type="module" src="/page.js"></script></html>');
    }
  });
  await new Promise<void>((done) => server.listen(0, done));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const browser = await puppeteer.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 800 });
    page.on('console', (message) => console.log('page:', message.text()));
    await page.goto(`http://127.0.0.1:${port}/start`);
    await page.waitForFunction('window.__ewResults', { timeout: 120_000 });
    const results = (await page.evaluate('window.__ewResults')) as {
      tickets: Array<{ renderMs: number; toPaintMs: number }>;
      list: Record<string, unknown>;
    };
    const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
    const pct = (values: number[], q: number) => sorted(values)[Math.min(values.length - 1, Math.floor(q * values.length))]?.toFixed(2);
    const render = results.tickets.map((t) => t.renderMs);
    const paint = results.tickets.map((t) => t.toPaintMs);
    console.log(`ticket badge, data arrival → rendered: p50 ${pct(render, 0.5)} ms, p95 ${pct(render, 0.95)} ms, max ${pct(render, 1)} ms (n=${render.length})`);
    console.log(`ticket badge, data arrival → next frame: p50 ${pct(paint, 0.5)} ms, p95 ${pct(paint, 0.95)} ms, max ${pct(paint, 1)} ms`);
    console.log('1,000-row view:', JSON.stringify(results.list, null, 1));
  } finally {
    await browser.close();
    server.close();
  }
}

void main();

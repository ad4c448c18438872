import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * Prints the raw and gzipped size of every JavaScript/CSS/HTML file of both builds and fails when a
 * helpdesk content script is over its budget (SPEC §5: ≤ 30 KB gzipped).
 */
const BUILDS = ['.output/chrome-mv3', '.output/firefox-mv2'];
const CONTENT_SCRIPT_BUDGET = 30 * 1024;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

let failed = false;
for (const build of BUILDS) {
  const rows = files(build)
    .filter((path) => /\.(js|css|html)$/.test(path))
    .map((path) => {
      const bytes = readFileSync(path);
      return { file: relative(build, path), raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
    })
    .sort((a, b) => b.gzip - a.gzip);
  console.log(`\n${build}`);
  console.table(rows.map((row) => ({ file: row.file, 'raw KB': (row.raw / 1024).toFixed(1), 'gzip KB': (row.gzip / 1024).toFixed(1) })));
  for (const row of rows.filter((r) => r.file.startsWith('content-scripts/') && r.file.endsWith('.js'))) {
    if (row.gzip > CONTENT_SCRIPT_BUDGET) {
      console.error(`${build}/${row.file}: ${(row.gzip / 1024).toFixed(1)} KB gzipped, over the 30 KB budget`);
      failed = true;
    }
  }
}
process.exitCode = failed ? 1 : 0;

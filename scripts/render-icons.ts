import { readFileSync } from 'node:fs';
import puppeteer from 'puppeteer-core';

/** Renders assets/icon.svg to public/icon/{16,32,48,128}.png with Debian's Chromium. */
const svg = readFileSync('assets/icon.svg', 'utf8');
const browser = await puppeteer.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage();
for (const size of [16, 32, 48, 128]) {
  await page.setViewport({ width: size, height: size });
  await page.setContent(`<style>html,body{margin:0;background:transparent}svg{width:${size}px;height:${size}px;display:block}</style>${svg}`);
  await page.screenshot({ path: `public/icon/${size}.png`, omitBackground: true });
}
await browser.close();

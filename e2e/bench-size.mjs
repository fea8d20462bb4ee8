// Prints the bytes the page loads, `gzip -9` of each file it requests, in headless
// Chromium: before its first render (budget: 353 KB) and in all, once the editor has
// arrived and a Run has loaded the worker (budget: 1.2 MB).
// Not a test; run by scripts/bench.sh after `trunk build --release`.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { serveDist, launch, dist, markFirstRender } from './harness.mjs';

// GNU gzip, as the budget names it (Node's zlib at level 9 writes a few KB more).
const gzipped = (file) => execFileSync('gzip', ['-9', '-c', file], { maxBuffer: 1 << 26 }).length;
const raw = (file) => fs.statSync(file).size;

const server = await serveDist();
const browser = await launch();
try {
  const { page } = browser;
  const requested = [];
  // Workers' requests reach the context, not the page.
  page.context().on('request', (request) => {
    const { pathname } = new URL(request.url());
    requested.push(pathname === '/' ? 'index.html' : pathname.slice(1));
  });
  // The moment the app first draws its panels, and what the page had asked for by then.
  await markFirstRender(page);
  await page.goto(server.url);
  await page.waitForSelector('#tables .table-card');
  const beforeRender = await page.evaluate(() => performance.getEntriesByType('resource')
    .filter((entry) => entry.startTime < window.firstRender)
    .map((entry) => new URL(entry.name).pathname.slice(1))
    .concat(['index.html']));
  await page.waitForSelector('#editor .cm-content');
  await page.click('#run-button');
  await page.waitForSelector('#run .step.show');
  const inAll = [...new Set(requested)];

  const rows = inAll.map((name) => {
    const file = path.join(dist, name);
    return { name, raw: raw(file), gzip: gzipped(file), first: beforeRender.includes(name) };
  });
  const kb = (n) => `${(n / 1000).toFixed(1)} KB`;
  for (const row of rows.sort((a, b) => b.gzip - a.gzip)) {
    const when = row.first ? 'before first render' : 'after';
    console.log(`${row.name.padEnd(20)} ${String(row.raw).padStart(9)} B raw ${String(row.gzip).padStart(9)} B gzip  (${when})`);
  }
  const sum = (list) => list.reduce((total, row) => total + row.gzip, 0);
  console.log(`page bytes before first render, gzip: ${kb(sum(rows.filter((r) => r.first)))} (budget 353 KB)`);
  console.log(`page bytes in all (editor and worker loaded), gzip: ${kb(sum(rows))} (budget 1200 KB)`);
} finally {
  await browser.close();
  await server.close();
}

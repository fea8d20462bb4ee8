// Shared set-up for the end-to-end tests: serve the built page (dist/) on loopback and
// drive Debian's Chromium with playwright-core. No browser is downloaded.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { before, after } from 'node:test';

const here = path.dirname(fileURLToPath(import.meta.url));
export const dist = path.resolve(here, '..', 'dist');
export const artifacts = path.resolve(here, '..', 'target', 'e2e');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.wasm': 'application/wasm',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
};

/** Serves dist/ on 127.0.0.1 and an ephemeral port; resolves to { url, close }. */
export function serveDist() {
  if (!fs.existsSync(path.join(dist, 'index.html'))) {
    throw new Error(`${dist}/index.html is missing: build the page first (trunk build --release)`);
  }
  return serve(dist);
}

/**
 * Serves the folder `root` as serveDist serves dist/; `hold(pathname)`, if given, may
 * return a promise that the answer to that request waits for.
 */
export function serve(root, { hold } = {}) {
  root = path.resolve(root);
  const server = http.createServer(async (req, res) => {
    const pathname = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (hold) await hold(pathname);
    const file = path.join(root, pathname === '/' ? 'index.html' : pathname);
    if (!file.startsWith(root) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({ url: `http://127.0.0.1:${port}/`, close: () => new Promise((r) => server.close(r)) });
    });
  });
}

/**
 * The profile a module instrumented by `wasm-split --instrument` has recorded so far,
 * as bytes: run in the page or worker by `evaluate(readProfile, name)`, where
 * `self[name]` holds the instrumented module's exports.
 */
export function readProfile(name) {
  const { memory, __write_profile: write } = self[name];
  // Fresh pages of memory nobody else uses: 64 KB each, as many as a profile needs.
  const pages = 16;
  const address = memory.grow(pages) * 65536;
  const length = write(address, pages * 65536);
  return Array.from(new Uint8Array(memory.buffer, address, length));
}

/**
 * Marks the moment the app first draws its panels as `window.firstRender` (the
 * `performance.now()` of it), for every page load of `page` from now on.
 */
export function markFirstRender(page) {
  return page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (!document.getElementById('tables')) return;
      window.firstRender = performance.now();
      observer.disconnect();
    }).observe(document, { childList: true, subtree: true });
  });
}

/** A fresh headless Chromium profile; the page's console errors are collected. */
export async function launch() {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'assoc-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
    viewport: { width: 1280, height: 900 },
  });
  const page = context.pages()[0] || (await context.newPage());
  const consoleErrors = [];
  page.on('console', (msg) => { if (msg.type() === 'error') consoleErrors.push(msg.text()); });
  page.on('pageerror', (err) => consoleErrors.push(String(err)));
  return {
    page,
    consoleErrors,
    close: async () => {
      await context.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Writes a screenshot of the whole page to `file`. The viewport is made as tall as the
 * page first: cards below the fold use `content-visibility: auto`, which a full-page
 * capture of a short viewport would show empty.
 */
export async function screenshotPage(page, file) {
  const viewport = page.viewportSize();
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: viewport.width, height: Math.min(height, 8000) });
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  await page.screenshot({ path: file, fullPage: true });
  await page.setViewportSize(viewport);
}

/**
 * The set-up most e2e files share, as node:test hooks: serve dist/, open `path` in a
 * fresh Chromium (after `beforeLoad(page)`, if given), wait for `ready`, then run
 * `afterLoad(page)`; close both at the end. (One hook: Node 20 does not wait for one
 * top-level `before` before starting the next.) Returns the session, filled in once the
 * hook has run: { page, consoleErrors, url } (url is the served root).
 */
export function openPage({ path = '', ready, beforeLoad, afterLoad } = {}) {
  const session = {};
  let server;
  let browser;
  before(async () => {
    server = await serveDist();
    browser = await launch();
    Object.assign(session, { page: browser.page, consoleErrors: browser.consoleErrors, url: server.url });
    if (beforeLoad) await beforeLoad(browser.page);
    await browser.page.goto(server.url + path);
    if (ready) await browser.page.waitForSelector(ready);
    if (afterLoad) await afterLoad(browser.page);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });
  return session;
}

/**
 * Scrolls a tutorial page down until every playground block has become an iframe
 * (embed.js upgrades them as they come near), then back to the top.
 */
export async function upgradeAllEmbeds(page, count = 3) {
  await page.waitForFunction((count) => {
    window.scrollBy(0, 400);
    return document.querySelectorAll('iframe.assoc-playground').length === count
      && document.querySelectorAll('pre').length === 0;
  }, count, { polling: 100 });
  await page.evaluate(() => window.scrollTo(0, 0));
}

/** Runs `code` (replacing the page's, when given) and waits for that run's answer: the
 * status must have said "Running…" since the click, and say something else now. */
export async function runCode(page, code) {
  if (code !== undefined) await page.fill('#code', code);
  await page.evaluate(() => {
    window.sawRunning = false;
    const status = () => document.querySelector('#run .run-status').textContent;
    new MutationObserver(() => { if (status() === 'Running…') window.sawRunning = true; })
      .observe(document.querySelector('#run'), { subtree: true, childList: true, characterData: true });
  });
  await page.click('#run-button');
  await page.waitForFunction(() => window.sawRunning && document.querySelector('#run .run-status').textContent !== 'Running…');
}

// Offline after a first visit: the service worker (sw.js) keeps the files Trunk built,
// so with the network cut a reload still analyzes and runs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { openPage, launch, dist } from './harness.mjs';

const session = openPage({ ready: '#tables .table-card' });

test('the worker caches exactly the built files the playground loads, under a versioned name', async () => {
  const script = fs.readFileSync(path.join(dist, 'sw.js'), 'utf8');
  const version = script.match(/const VERSION = '([0-9a-f]{12})'/);
  assert.ok(version, 'a version digest');
  const listed = JSON.parse(script.match(/const FILES = (\[[^\]]*\])/)[1].replace(/'/g, '"').replace(/,\s*\]/, ']'));
  const built = fs.readdirSync(dist, { recursive: true })
    .filter((f) => fs.statSync(path.join(dist, f)).isFile() && f !== 'sw.js')
    // Files for other sites' pages: a tutorial loads embed.js itself, and the example page;
    // and the SQL engine's parser, kept only once a page has needed it (LATER).
    .filter((f) => f !== 'embed.js' && f !== 'tutorial.html' && f !== 'sql_more.wasm')
    .map((f) => `./${f}`);
  assert.deepEqual([...listed].sort(), ['./', ...built].sort());
  const page = session.page;
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  const caches = await page.evaluate(() => caches.keys());
  assert.deepEqual(caches, [`assoc-playground-${version[1]}`]);
});

test('with the network cut, a reload analyzes and a Run runs', async () => {
  const { page } = session;
  await page.fill('#code', "const Tag = sequelize.define('tag', { name: DataTypes.STRING });\nawait sequelize.sync();\nawait Tag.create({ name: 'x' });\nconsole.log(await Tag.findAll());");
  await page.waitForTimeout(400);
  await page.context().setOffline(true);
  try {
    await page.reload();
    await page.waitForSelector('#tables .table-card[data-table="tags"]');
    await page.click('#run-button');
    await page.waitForSelector('#run .step.show', { timeout: 20000 });
    const json = JSON.parse(await page.locator('#run .step.show .result').last().getAttribute('data-json'));
    assert.equal(json[0].name, 'x');
    // An embed's address is the page too.
    await page.goto(`${session.url}?embed&panels=code,tables`);
    await page.waitForSelector('#tables .table-card');
  } finally {
    await page.context().setOffline(false);
  }
});

test('an embed registers no worker of its own', async () => {
  const browser = await launch();
  try {
    await browser.page.goto(`${session.url}?embed&panels=code,tables`);
    await browser.page.waitForSelector('#tables .table-card');
    await browser.page.waitForTimeout(1000);
    assert.equal(await browser.page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length), 0);
  } finally {
    await browser.close();
  }
});

test('no page errors offline', () => {
  const real = session.consoleErrors.filter((e) => !/ERR_INTERNET_DISCONNECTED|Failed to load resource/.test(e));
  assert.deepEqual(real, []);
});

// Every preset loads without a page error; the theme follows the picker.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch } from './harness.mjs';

let server;
let browser;

before(async () => {
  server = await serveDist();
  browser = await launch();
  await browser.page.goto(server.url);
  await browser.page.waitForSelector('#tables .table-card');
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('each preset loads: its code in the editor, its tables drawn', async () => {
  const ids = await browser.page.locator('#presets option').evaluateAll((options) => options.map((o) => o.value).filter(Boolean));
  assert.ok(ids.length >= 10, `only ${ids.length} presets`);
  for (const id of ids) {
    await browser.page.selectOption('#presets', id);
    const code = await browser.page.inputValue('#code');
    assert.match(code, /sequelize\.define/, id);
    assert.ok(await browser.page.locator('#tables .table-card').count() >= 1, id);
  }
  const manyToMany = await browser.page.selectOption('#presets', 'many-to-many');
  assert.ok(manyToMany);
  await browser.page.waitForSelector('#tables .table-card[data-table="UserProjects"]');
});

test('the theme picker sets light and dark, and system follows the OS', async () => {
  await browser.page.selectOption('#theme', 'dark');
  assert.equal(await browser.page.getAttribute('html', 'data-theme'), 'dark');
  const dark = await browser.page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await browser.page.selectOption('#theme', 'light');
  const light = await browser.page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.notEqual(dark, light);
  await browser.page.selectOption('#theme', 'system');
  assert.equal(await browser.page.getAttribute('html', 'data-theme'), null);
});

test('no page errors while switching presets', () => {
  assert.deepEqual(browser.consoleErrors, []);
});

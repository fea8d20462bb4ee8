// Every preset loads without a page error; the theme follows the picker.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage } from './harness.mjs';

const session = openPage({ ready: '#tables .table-card' });

test('each preset loads: its code in the editor, its tables drawn', async () => {
  const ids = await session.page.locator('#presets option').evaluateAll((options) => options.map((o) => o.value).filter(Boolean));
  assert.ok(ids.length >= 10, `only ${ids.length} presets`);
  for (const id of ids) {
    await session.page.selectOption('#presets', id);
    await session.page.click('#load-preset');
    const code = await session.page.inputValue('#code');
    assert.match(code, /sequelize\.define/, id);
    assert.ok(await session.page.locator('#tables .table-card').count() >= 1, id);
  }
  const manyToMany = await session.page.selectOption('#presets', 'many-to-many');
  assert.ok(manyToMany);
  await session.page.click('#load-preset');
  await session.page.waitForSelector('#tables .table-card[data-table="UserProjects"]');
});

test('the theme picker sets light and dark, and system follows the OS', async () => {
  await session.page.selectOption('#theme', 'dark');
  assert.equal(await session.page.getAttribute('html', 'data-theme'), 'dark');
  const dark = await session.page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await session.page.selectOption('#theme', 'light');
  const light = await session.page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.notEqual(dark, light);
  await session.page.selectOption('#theme', 'system');
  assert.equal(await session.page.getAttribute('html', 'data-theme'), null);
});

test('no page errors while switching presets', () => {
  assert.deepEqual(session.consoleErrors, []);
});

// Accessibility: axe-core (from npm, run inside the page) finds no serious or critical
// violation in any state the page can be in — light and dark, at a phone's width, after
// a run, with the form open, in the tutorial page and in each of its embeds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { openPage, upgradeAllEmbeds } from './harness.mjs';

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const session = openPage({ ready: '.table-card' });

/** The serious and critical violations axe finds in `frame`, one line each. */
async function violations(frame) {
  if (!(await frame.evaluate(() => 'axe' in window))) {
    await frame.addScriptTag({ content: axeSource });
  }
  const found = await frame.evaluate(async () => {
    const { violations } = await window.axe.run(document, { resultTypes: ['violations'] });
    return violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  });
  return found;
}

async function expectNone(frame, state) {
  const found = await violations(frame);
  assert.deepEqual(found, [], `${state}:\n${found.join('\n')}`);
}

/** The page's chosen theme, with its colours settled. */
async function theme(page, name) {
  await page.selectOption('#theme', name);
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
}

test('the page in light and dark', async () => {
  const { page } = session;
  for (const name of ['light', 'dark']) {
    await theme(page, name);
    await expectNone(page, `${name} theme`);
  }
  await theme(page, 'system');
});

test('the page after a run, in light and dark', async () => {
  const { page } = session;
  await page.click('#run-button');
  await page.waitForSelector('#run .step.show');
  for (const name of ['light', 'dark']) {
    await theme(page, name);
    await expectNone(page, `after a run, ${name}`);
  }
  await theme(page, 'system');
});

test('the page with the form open', async () => {
  const { page } = session;
  await page.click('#form-toggle');
  await page.waitForSelector('.form-association');
  await expectNone(page, 'form open');
  await page.click('#form-toggle');
});

test('a project of several files, its tabs and its notice, light and dark', async () => {
  const { page } = session;
  await page.click('#add-file');
  await page.waitForSelector('#file-tab-1[aria-selected="true"]');
  await page.fill('#code', "module.exports = (sequelize) => sequelize.defin('pet', {});");
  await page.waitForSelector('#problems .problem');
  await page.click('#file-tab-0');
  await page.click('#delete-file');
  await page.waitForSelector('#undo-delete');
  await page.click('#undo-delete');
  await page.waitForSelector('#file-tab-1');
  for (const name of ['light', 'dark']) {
    await theme(page, name);
    await expectNone(page, `project, ${name}`);
  }
  await theme(page, 'system');
  await page.click('#file-tab-1');
  await page.click('#delete-file');
  await page.click('#notice .quiet');
});

test("the page at a phone's width, light and dark", async () => {
  const { page } = session;
  await page.setViewportSize({ width: 390, height: 844 });
  for (const name of ['light', 'dark']) {
    await theme(page, name);
    await expectNone(page, `phone width, ${name}`);
  }
  await theme(page, 'system');
  await page.setViewportSize({ width: 1280, height: 900 });
});

test('the tutorial page and each of its embeds', async () => {
  const { page, url } = session;
  await page.goto(url + 'tutorial.html');
  await upgradeAllEmbeds(page);
  const frames = await page.locator('iframe.assoc-playground').elementHandles();
  assert.ok(frames.length >= 3, `only ${frames.length} embeds`);
  await expectNone(page, 'tutorial page');
  for (const [index, handle] of frames.entries()) {
    const frame = await handle.contentFrame();
    await frame.waitForSelector('.page');
    await expectNone(frame, `embed ${index + 1} (${await handle.getAttribute('src')})`);
  }
});

// The page as a learner uses it, in real headless Chromium.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { openPage, artifacts, screenshotPage } from './harness.mjs';

const session = openPage({ ready: '#tables .table-card' });

const tableLine = (table) =>
  session.page.locator(`#tables .table-card[data-table="${table}"] .line`).innerText();

test('opens on the one-to-many example: ownerId on pugs, the hasMany methods', async () => {
  assert.equal(await tableLine('pugs'), 'id | name | createdAt | updatedAt | ownerId');
  const methods = await session.page.locator('#methods [data-model="owner"] code.method').allTextContents();
  for (const name of ['getPugs', 'addPugs', 'countPugs', 'createPug', 'hasPug']) {
    assert.ok(methods.some((m) => m.startsWith(`owner.${name}(`)), `${name} in ${methods}`);
  }
  // No card is wider than its box (a card that overflows scrolls sideways on hover).
  assert.deepEqual(await session.page.$$eval('#tables .table-card', (cards) => cards.map((c) => c.scrollWidth - c.clientWidth)), [0, 0]);
  fs.mkdirSync(artifacts, { recursive: true });
  await screenshotPage(session.page, path.join(artifacts, 'main.png'));
});

test("a foreign key's badge takes you to the table it refers to", async () => {
  // The address bar gets its #v2. state shortly after load; compare with that.
  await session.page.waitForFunction(() => location.hash.startsWith('#v2.'));
  const hash = await session.page.evaluate(() => location.hash);
  await session.page.click('#tables .table-card[data-table="pugs"] tr.fk .badge.fk');
  assert.equal(await session.page.evaluate(() => document.activeElement.dataset.table), 'owners');
  assert.equal(await session.page.evaluate(() => location.hash), hash, 'the link in the address bar stays');
});

test('the diagram draws both tables and a 1:n edge from pugs.ownerId to owners.id', async () => {
  assert.equal(await session.page.locator('#diagram .er-table').count(), 2);
  const edge = session.page.locator('#diagram .er-edge');
  assert.equal(await edge.count(), 1);
  assert.equal(await edge.getAttribute('data-from'), 'pugs.ownerId');
  assert.equal(await edge.getAttribute('data-to'), 'owners.id');
  assert.equal(await edge.getAttribute('data-cardinality'), '1:n');
});

test('the dialect picker switches the CREATE TABLE text', async () => {
  const ddl = session.page.locator('#sql .ddl');
  assert.match(await ddl.innerText(), /"id" {3}SERIAL ,/);
  await session.page.selectOption('#dialect', 'mysql');
  assert.match(await ddl.innerText(), /FOREIGN KEY \(`ownerId`\) REFERENCES `owners` \(`id`\) ON DELETE SET NULL ON UPDATE CASCADE\) ENGINE=InnoDB;/);
  await session.page.selectOption('#dialect', 'sqlite');
  assert.match(await ddl.innerText(), /`id` INTEGER PRIMARY KEY AUTOINCREMENT/);
  await session.page.selectOption('#dialect', 'postgres');
});

test('editing the code updates tables and methods as you type', async () => {
  await session.page.fill('#code', [
    "const Owner = sequelize.define('owner', { name: DataTypes.STRING });",
    "const Pug = sequelize.define('pug', { name: DataTypes.STRING });",
    'Owner.hasOne(Pug, { as: "buddy" });',
  ].join('\n'));
  await session.page.waitForSelector('#methods [data-method="getBuddy"]');
  // hasOne names its key after `as` (Sequelize 6): buddyId, not ownerId.
  assert.equal(await tableLine('pugs'), 'id | name | createdAt | updatedAt | buddyId');
  assert.equal(await session.page.locator('#methods [data-method="getPugs"]').count(), 0);
});

test('a mistake is explained at its line and the rest keeps working', async () => {
  await session.page.fill('#code', [
    "const Owner = sequelize.define('owner', { name: DataTypes.STRING });",
    "const Pug = sequelize.define('pug', { name: DataTypes.STRNG });",
  ].join('\n'));
  const problems = session.page.locator('#problems .problem.error');
  await problems.first().waitFor();
  const texts = await problems.allInnerTexts();
  const typo = texts.find((t) => t.includes("DataTypes has no type called 'STRNG'"));
  assert.ok(typo, texts.join('\n'));
  assert.match(typo, /^2:\d+/);
  assert.match(typo, /did you mean DataTypes\.STRING\?/);
  // Sequelize's own error, worded as Sequelize words it, at the attribute.
  assert.ok(texts.some((t) => /^2:\d+Unrecognized datatype for attribute "pug.name"/.test(t)), texts.join('\n'));
  // The attribute error stops Sequelize (and so the DDL), but the editor and panels stay live.
  await session.page.fill('#code', "const Owner = sequelize.define('owner', { name: DataTypes.STRING });");
  await session.page.waitForSelector('#problems.ok');
  assert.equal(await tableLine('owners'), 'id | name | createdAt | updatedAt');
});

test("at a phone's width nothing sticks out sideways, with the form open", async () => {
  const { page } = session;
  await page.setViewportSize({ width: 390, height: 844 });
  await page.click('#form-toggle');
  await page.waitForSelector('.form-model');
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), 0);
  await page.click('#form-toggle');
  await page.setViewportSize({ width: 1280, height: 900 });
});

test("at a phone's width every control of the bar is in sight, and named in full", async () => {
  const { page } = session;
  await page.setViewportSize({ width: 390, height: 844 });
  try {
    const controls = ['#share', '#copy-script', '#copy-markdown', '#presets', '#load-preset', '#theme'];
    for (const selector of controls) {
      const box = await page.locator(selector).boundingBox();
      assert.ok(box && box.x >= 0 && box.x + box.width <= 390, `${selector} at ${JSON.stringify(box)}`);
    }
    // The controls wrap rather than scroll: nothing is hidden sideways.
    assert.equal(await page.$eval('.bar .controls', (c) => c.scrollWidth - c.clientWidth), 0);
    // The bar takes at most the title and two rows of controls.
    const bar = await page.locator('.bar').boundingBox();
    assert.ok(bar.height <= 130, `the bar is ${bar.height} px tall`);
    // Short on screen, whole for a screen reader.
    const prefix = await page.locator('#copy-markdown .narrow-hidden').boundingBox();
    assert.ok(prefix.width <= 1, `"Copy as" takes ${prefix.width} px`);
    assert.equal(await page.getByRole('button', { name: 'Copy as Markdown' }).count(), 1);
    assert.equal(await page.getByRole('combobox', { name: 'Examples' }).count(), 1);
    assert.equal(await page.getByRole('combobox', { name: 'Theme' }).count(), 1);
  } finally {
    await page.setViewportSize({ width: 1280, height: 900 });
  }
});

test('the page logs no errors', () => {
  assert.deepEqual(session.consoleErrors, []);
});

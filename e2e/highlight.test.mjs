// Pointing at a foreign key anywhere (its column, the diagram's edge, an association
// call in the code) highlights the others: call ↔ column ↔ REFERENCES ↔ edge.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage } from './harness.mjs';

const SEED = [
  "const Owner = sequelize.define('owner', { name: DataTypes.STRING });",
  "const Pug = sequelize.define('pug', { name: DataTypes.STRING });",
  'Pug.belongsTo(Owner);',
  'Owner.hasMany(Pug);',
].join('\n');

const session = openPage({
  ready: '#editor .cm-content',
  afterLoad: async (page) => {
    await page.fill('#code', SEED);
    await page.waitForSelector('#editor .cm-content >> text=Owner.hasMany(Pug);');
  },
});

const column = () => session.page.locator('#tables .table-card[data-table="pugs"] tr.fk');
const edge = () => session.page.locator('#diagram .er-edge[data-from="pugs.ownerId"]');

async function expectHighlighted() {
  const { page } = session;
  // Panels off screen are not laid out (content-visibility): wait for the DOM, read text.
  await page.waitForSelector('#diagram .er-edge.highlight[data-from="pugs.ownerId"]', { state: 'attached' });
  await page.waitForSelector('#tables .table-card[data-table="pugs"] tr.fk.highlight', { state: 'attached' });
  assert.equal(await page.textContent('#sql pre.ddl mark.highlight'), '"ownerId" INTEGER REFERENCES "owners" ("id")');
  const calls = await page.locator('#editor .cm-assoc-link').allInnerTexts();
  assert.deepEqual(calls, ['Pug.belongsTo(Owner)', 'Owner.hasMany(Pug)']);
}

async function expectNothingHighlighted() {
  await session.page.waitForFunction(() => !document.querySelector('.highlight, .cm-assoc-link'));
}

test('pointing at the foreign-key column highlights the calls, REFERENCES and the edge', async () => {
  await column().hover();
  await expectHighlighted();
  await session.page.hover('#run-title');
  await expectNothingHighlighted();
});

test('pointing at the diagram edge highlights the column, REFERENCES and the calls', async () => {
  await edge().locator('.er-label').hover();
  await expectHighlighted();
  await session.page.hover('#run-title');
  await expectNothingHighlighted();
});

test('the caret on an association call highlights its column, REFERENCES and edge', async () => {
  const { page } = session;
  await page.locator('#editor .cm-line', { hasText: 'Owner.hasMany(Pug);' }).click();
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expectHighlighted();
  // Keyboard users reach the column with Tab; focus highlights it too.
  await column().focus();
  await expectHighlighted();
});

test('no page errors while highlighting', () => {
  assert.deepEqual(session.consoleErrors, []);
});

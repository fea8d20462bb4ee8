// The code editor (CodeMirror 6, loaded after the first render): typing in it drives the
// page; it highlights, numbers lines, underlines findings with their message on hover,
// indents, undoes, and runs with Ctrl+Enter.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage } from './harness.mjs';

const session = openPage({ ready: '#editor .cm-content' });

/** Replaces the editor's text by typing, as a user would. */
async function type(page, text) {
  await page.click('#editor .cm-content');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(text);
}

test('typing in the editor updates the page, with highlighting and line numbers', async () => {
  const { page } = session;
  await type(page, "const Tag = sequelize.define('tag', { label: DataTypes.STRING });\n// a comment");
  await page.waitForSelector('#tables .table-card[data-table="tags"]');
  assert.equal(await page.inputValue('#code'), "const Tag = sequelize.define('tag', { label: DataTypes.STRING });\n// a comment");
  const gutter = await page.locator('#editor .cm-lineNumbers .cm-gutterElement').allTextContents();
  assert.ok(gutter.includes('2'), gutter.join(','));
  // The string and the comment are drawn in their token colours, not the text colour.
  const colour = (text) => page.locator('#editor .cm-line span', { hasText: text }).first()
    .evaluate((e) => getComputedStyle(e).color);
  const text = await page.locator('#editor .cm-content').evaluate((e) => getComputedStyle(e).color);
  assert.notEqual(await colour("'tag'"), text);
  assert.notEqual(await colour('// a comment'), text);
});

test('a finding is underlined at its place, with the message and hint on hover', async () => {
  const { page } = session;
  await type(page, "const Owner = sequelize.define('owner', { name: DataTypes.STRNG });");
  const underline = page.locator('#editor .cm-finding-error', { hasText: 'STRNG' });
  await underline.waitFor();
  assert.equal(await underline.innerText(), 'STRNG');
  await underline.hover();
  const tooltip = page.locator('.cm-tooltip-hover .cm-diagnostic-error');
  await tooltip.waitFor();
  assert.match(await tooltip.innerText(), /DataTypes has no type called 'STRNG'[\s\S]*DataTypes\.STRING/);
});

test('Enter keeps the indentation, Ctrl+Z undoes, Ctrl+Enter runs', async () => {
  const { page } = session;
  await type(page, "const Owner = sequelize.define('owner', {");
  await page.keyboard.press('Enter');
  await page.keyboard.insertText('name: DataTypes.STRING');
  assert.match(await page.inputValue('#code'), /\{\n {2}name: DataTypes\.STRING/);
  await page.keyboard.press('Control+z');
  await page.waitForFunction(() => !document.getElementById('code').value.includes('name: DataTypes.STRING'));
  await type(page, "const Owner = sequelize.define('owner', {});\nawait sequelize.sync();\nconsole.log(await Owner.create({}));");
  await page.keyboard.press('Control+Enter');
  await page.waitForSelector('#run .step.show');
  assert.match(await page.getAttribute('#run .step.show .result', 'data-json'), /"id": 1/);
});

test('keyboard only: Tab indents in the editor, Escape then Tab leaves it', async () => {
  const { page } = session;
  await type(page, "const Owner = sequelize.define('owner', {});");
  await page.keyboard.press('Home');
  await page.keyboard.press('Tab');
  assert.ok((await page.inputValue('#code')).startsWith('  const Owner'), 'Tab indents');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.closest('#editor')), null, 'focus left the editor');
});

test('an example loaded from the menu shows in the editor', async () => {
  const { page } = session;
  await page.selectOption('#presets', 'many-to-many');
  await page.click('#load-preset');
  await page.waitForFunction(() => document.querySelector('#editor .cm-content').textContent.includes('belongsToMany'));
});

test('no page errors with the editor', () => {
  assert.deepEqual(session.consoleErrors, []);
});

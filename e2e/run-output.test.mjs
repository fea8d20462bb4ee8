// The Run panel as a playground's: results first with their SQL one click away
// (formatted, highlighted), errors and syntax errors linked to their place in the editor
// and underlined there, plurals, a header that stays in reach, panes that resize.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { openPage, artifacts, screenshotPage, runCode } from './harness.mjs';

const session = openPage({ ready: '#editor .cm-content' });

const ALIAS_ERROR = [
  "const Owner = sequelize.define('owner', { name: DataTypes.STRING });",
  "const Pug = sequelize.define('pug', { name: DataTypes.STRING });",
  'Owner.hasMany(Pug, { as: "pets" });',
  'await sequelize.sync({ force: true });',
  'console.log(await Owner.findAll({ include: Pug }));',
].join('\n');

const run = (code) => runCode(session.page, code);

/** The editor's selection as the browser has it, and whether the editor has focus. */
const caret = () => session.page.evaluate(() => ({
  selected: window.getSelection().toString(),
  line: document.querySelector('#editor .cm-activeLine')?.textContent,
  focused: document.activeElement?.classList.contains('cm-content'),
}));

/** WCAG contrast ratio of two `rgb(…)` colours. */
function contrast(a, b) {
  const luminance = (rgb) => {
    const [r, g, b] = rgb.match(/[\d.]+/g).slice(0, 3).map((v) => {
      const c = Number(v) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

test("each step's result comes first; its SQL is one click away, formatted and highlighted", async () => {
  const { page } = session;
  await run();
  const step = page.locator('#run .step.show').last();
  // The console's output leads the step; the SQL is folded under it.
  assert.equal(await step.evaluate((li) => li.firstElementChild.className), 'console');
  const sql = step.locator('details.step-sql pre.sql');
  assert.equal(await sql.isVisible(), false, 'the SQL starts folded');
  await step.locator('details.step-sql > summary').click();
  assert.equal(await sql.isVisible(), true);
  assert.equal(await step.locator('details.step-sql > summary').innerText(), 'SQL: 3 queries');
  // One clause a line.
  const select = sql.locator('.statement').last();
  assert.match(await select.innerText(), /^SELECT "owner"\."id", [^\n]*\nFROM "owners" AS "owner"\nLEFT OUTER JOIN "pugs" AS "pugs" ON "owner"\."id" = "pugs"\."ownerId";$/);
  assert.match(await sql.locator('.statement').first().innerText(), /^INSERT INTO "owners" \([^\n]*\)\nVALUES \(DEFAULT,\$1,\$2,\$3\)\nRETURNING /);
  assert.deepEqual(await select.locator('.sql-keyword').allTextContents(),
    ['SELECT', 'AS', 'AS', 'AS', 'AS', 'AS', 'FROM', 'AS', 'LEFT', 'OUTER', 'JOIN', 'AS', 'ON']);
  assert.ok((await select.locator('.sql-name').count()) > 10);
  assert.deepEqual(await sql.locator('.sql-literal').allTextContents().then((t) => t.slice(0, 3)), ['$1', '$2', '$3']);
  // Every colour of the SQL reads on its background (4.5:1), light and dark.
  for (const theme of ['light', 'dark']) {
    await page.selectOption('#theme', theme);
    const ratios = await sql.evaluate((pre) => {
      const background = getComputedStyle(pre).backgroundColor;
      return [...pre.querySelectorAll('span'), pre].map((e) => [e.className || 'text', getComputedStyle(e).color, background]);
    });
    for (const [kind, colour, background] of ratios) {
      assert.ok(contrast(colour, background) >= 4.5, `${theme} ${kind}: ${colour} on ${background}`);
    }
  }
  await page.selectOption('#theme', 'system');
});

test('counts read in correct English: 1 row, 1 item, 1 step', async () => {
  const { page } = session;
  // After the example's run: one owner, with one pug.
  assert.equal((await page.locator('#data .data-table[data-table="owners"] h3 small').innerText()).trim(), '1 row');
  const tree = page.locator('#run .step.show').last().locator('.json-tree summary');
  assert.deepEqual((await tree.allInnerTexts()).slice(0, 2), ['[…] 1 item', '{…} 5 keys']);
  await run("console.log('hello', 'greeting');");
  assert.equal(await page.innerText('#run .run-status'), '1 step, SQL as Sequelize logs it for PostgreSQL');
  // Printed as Node prints it: every argument, strings bare, joined by spaces.
  assert.equal(await page.innerText('#run .step.show .console-text'), 'hello greeting');
});

test("a run error links to where it was thrown and is underlined there", async () => {
  const { page } = session;
  await run(ALIAS_ERROR);
  const place = page.locator('#run .step.error button.place');
  assert.equal(await place.innerText(), 'line 5, column 19');
  // Underlined in the editor, like a live finding, with the error's message.
  const underline = page.locator('#editor .cm-finding-error');
  await underline.first().waitFor();
  assert.equal(await underline.allInnerTexts().then((t) => t.join('')), 'Owner.findAll({ include: Pug })');
  // A click moves the caret there and focuses the editor.
  await place.click();
  assert.deepEqual(await caret(), { selected: 'Owner.findAll({ include: Pug })', line: ALIAS_ERROR.split('\n')[4], focused: true });
  // So does Enter.
  await page.keyboard.press('Control+Home');
  assert.equal((await caret()).selected, '');
  await place.focus();
  await page.keyboard.press('Enter');
  assert.equal((await caret()).selected, 'Owner.findAll({ include: Pug })');
  // Once the code changes, the run's underline goes (its place may have moved).
  await page.keyboard.press('End');
  await page.keyboard.insertText(' ');
  await page.waitForSelector('#run.stale');
  assert.equal(await underline.count(), 0);
});

test('a snippet with a syntax error says why it cannot run, and where', async () => {
  const { page } = session;
  await run("const Owner = sequelize.define('owner', {});\nawait Owner.findAll({ where: );");
  assert.equal(await page.innerText('#run .run-status'), 'Nothing ran: the code has a syntax error.');
  const blocked = page.locator('#run .run-blocked');
  assert.match(await blocked.innerText(), /syntax error/);
  const place = blocked.locator('button.place').first();
  assert.match(await place.innerText(), /^line 2, column \d+$/);
  await place.click();
  const { line, focused } = await caret();
  assert.equal(line, 'await Owner.findAll({ where: );');
  assert.ok(focused);
  // The Problems list links the same way.
  await page.keyboard.press('Control+Home');
  await page.locator('#problems .problem button.place').first().click();
  assert.equal((await caret()).line, 'await Owner.findAll({ where: );');
});

test('the header stays in reach while the page scrolls', async () => {
  const { page } = session;
  await page.fill('#code', ALIAS_ERROR.replace(', { as: "pets" }', ''));
  await run();
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  assert.ok(await page.evaluate(() => window.scrollY) > 300, 'the page scrolled');
  const top = await page.evaluate(() => document.querySelector('header.bar').getBoundingClientRect().top);
  assert.equal(top, 0);
  for (const control of ['#share', '#presets']) {
    const box = await page.locator(control).boundingBox();
    assert.ok(box && box.y >= 0 && box.y < 120, `${control} at ${box?.y}`);
  }
  // The sticky editor sits below the bar, not under it.
  const [bar, editor] = await page.evaluate(() => ['header.bar', '.editor-pane']
    .map((s) => document.querySelector(s).getBoundingClientRect()));
  assert.ok(editor.top >= bar.bottom, `editor at ${editor.top}, bar ends at ${bar.bottom}`);
  await page.evaluate(() => window.scrollTo(0, 0));
});

test('the separator resizes the editor against the views, by keyboard and by pointer', async () => {
  const { page } = session;
  const separator = page.locator('[role="separator"]');
  const width = () => page.locator('.editor-pane').evaluate((e) => e.getBoundingClientRect().width);
  assert.equal(await separator.getAttribute('aria-valuenow'), '50');
  const before = await width();
  await separator.focus();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  assert.equal(await separator.getAttribute('aria-valuenow'), '40');
  assert.ok(await width() < before - 80, `${await width()} < ${before}`);
  await page.keyboard.press('End');
  assert.equal(await separator.getAttribute('aria-valuenow'), '75');
  await page.keyboard.press('ArrowRight');
  assert.equal(await separator.getAttribute('aria-valuenow'), '75', 'kept within bounds');
  // Dragged to a third of the layout (held below the sticky bar).
  const box = await separator.boundingBox();
  const layout = await page.locator('main.layout').boundingBox();
  const y = Math.max(box.y, 0) + 300;
  await page.mouse.move(box.x + box.width / 2, y);
  await page.mouse.down();
  await page.mouse.move(layout.x + layout.width / 3, y, { steps: 5 });
  await page.mouse.up();
  const now = Number(await separator.getAttribute('aria-valuenow'));
  assert.ok(now >= 30 && now <= 36, `dragged to ${now}`);
  await page.keyboard.press('Home');
  assert.equal(await separator.getAttribute('aria-valuenow'), '25');
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
  assert.equal(await separator.getAttribute('aria-valuenow'), '50');
});

test("badges never wrap, and nothing sticks out sideways at a phone's width", async () => {
  const { page } = session;
  await page.setViewportSize({ width: 390, height: 844 });
  await page.fill('#code', [
    "const Owner = sequelize.define('owner', { name: { type: DataTypes.STRING, allowNull: false } });",
    "const Pug = sequelize.define('pug', { nickname: { type: DataTypes.STRING, allowNull: false } });",
    'Pug.belongsTo(Owner, { foreignKey: { name: "ownerIdentifier", allowNull: false } });',
  ].join('\n'));
  await page.waitForSelector('#tables .table-card[data-table="pugs"] .badge.fk');
  const heights = await page.$$eval('#tables .badge', (badges) => badges.map((b) => [b.textContent, b.getBoundingClientRect().height]));
  const line = Math.min(...heights.map(([, h]) => h));
  for (const [text, height] of heights) assert.ok(height < line * 1.5, `${text}: ${height}px for a ${line}px line`);
  assert.ok(heights.some(([text]) => text === 'NOT NULL'), heights.join(' '));
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), 0);
  const overflow = await page.$$eval('#tables .table-card', (cards) => cards.map((c) => c.scrollWidth - c.clientWidth));
  assert.ok(overflow.every((o) => o === 0), overflow.join(','));
  assert.equal(await page.locator('[role="separator"]').isVisible(), false, 'one column: nothing to resize');
  await page.setViewportSize({ width: 1280, height: 900 });
});

test('screenshots: desktop and phone, light and dark, after a run with its SQL open', async () => {
  const { page } = session;
  fs.mkdirSync(artifacts, { recursive: true });
  await page.fill('#code', ALIAS_ERROR.replace(', { as: "pets" }', '').replace('console.log(await', "await Owner.create({ name: 'Tom', pugs: [{ name: 'Cody' }] }, { include: Pug });\nconsole.log(await") + '\nawait Owner.findAll({ include: "nope" });');
  await run();
  await page.locator('#run details.step-sql').last().evaluate((d) => { d.open = true; });
  for (const [name, width, height] of [['desktop', 1366, 800], ['phone', 390, 844]]) {
    for (const theme of ['light', 'dark']) {
      await page.setViewportSize({ width, height });
      await page.selectOption('#theme', theme);
      await page.locator('#run').scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(artifacts, `run-output-${name}-${theme}.png`) });
      await screenshotPage(page, path.join(artifacts, `run-output-${name}-${theme}-full.png`));
    }
  }
  await page.selectOption('#theme', 'system');
  await page.setViewportSize({ width: 1280, height: 900 });
});

test('the page logs no errors', () => {
  assert.deepEqual(session.consoleErrors, []);
});

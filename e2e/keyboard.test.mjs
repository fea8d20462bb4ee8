// The page with the keyboard alone: every tab stop visible and named, the hidden
// textarea under the editor never one; examples chosen with the arrow keys and loaded
// with Enter on Load, with Undo when they replaced the learner's code; the way out of
// the editor shown.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage } from './harness.mjs';

const session = openPage({ ready: 'html[data-editor="codemirror"] #tables .table-card' });

/** The focused element: its id or class, its accessible name, whether it shows. */
const focused = () => session.page.evaluate(() => {
  const e = document.activeElement;
  const label = e.labels && e.labels[0] ? e.labels[0].innerText : '';
  const name = (e.getAttribute('aria-label') || label || e.innerText || e.title || '').trim();
  const box = e.getBoundingClientRect();
  return {
    what: e.id || e.className || e.tagName,
    name,
    visible: box.width > 4 && box.height > 4 && getComputedStyle(e).opacity !== '0',
    inEditor: !!e.closest('#editor'),
  };
});

const code = () => session.page.inputValue('#code');

/** Tabs until `stop` says so (at most `most` times); returns the stops met. */
async function tabUntil(stop, most = 60) {
  const met = [];
  for (let i = 0; i < most; i++) {
    await session.page.keyboard.press('Tab');
    const now = await focused();
    met.push(now);
    if (stop(now)) return met;
  }
  throw new Error(`never reached: ${met.map((m) => m.what).join(', ')}`);
}

test('every tab stop is visible and named; the hidden textarea is none', async () => {
  const { page } = session;
  await page.evaluate(() => document.activeElement.blur());
  const met = await tabUntil((f) => f.inEditor);
  const rest = await (async () => {
    await page.keyboard.press('Escape');
    return tabUntil((f) => f.what === 'open-playground' || f.what === 'BODY' || /run-button/.test(f.what), 80)
      .catch(() => []);
  })();
  for (const stop of [...met, ...rest]) {
    assert.notEqual(stop.what, 'code', 'the textarea under the editor is a tab stop');
    assert.ok(stop.visible, `${stop.what} is focused but not visible`);
    assert.ok(stop.name.length > 0, `${stop.what} has no name`);
  }
  assert.deepEqual(met.slice(0, 5).map((m) => m.what), ['share', 'copy-script', 'copy-markdown', 'presets', 'load-preset']);
  assert.equal(await page.getAttribute('#code', 'tabindex'), '-1');
  assert.equal(await page.getAttribute('#code', 'aria-hidden'), 'true');
});

test('the editor says how to leave it, and Escape then Tab does', async () => {
  const { page } = session;
  await page.click('#editor .cm-content');
  // CodeMirror's Escape lets Tab leave for two seconds: let the first test's one pass.
  await page.waitForTimeout(2100);
  assert.ok(await page.isVisible('#editor-hint'));
  assert.match(await page.innerText('#editor-hint'), /Esc then Tab leaves the editor/);
  assert.equal(await page.getAttribute('#editor .cm-content', 'aria-describedby'), 'editor-hint');
  await page.keyboard.press('Tab');
  assert.ok((await focused()).inEditor, 'Tab indents in the editor');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  assert.equal((await focused()).inEditor, false, 'Escape then Tab leaves');
});

test('the arrow keys choose an example, Load loads it, and Undo brings the code back', async () => {
  const { page } = session;
  const mine = "const Mine = sequelize.define('mine', {});";
  await page.fill('#code', mine);
  await page.waitForSelector('#tables .table-card[data-table="mines"]');
  await page.focus('#presets');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  assert.equal(await code(), mine, 'the arrow keys alone change nothing');
  const chosen = await page.inputValue('#presets');
  assert.notEqual(chosen, '');
  await page.keyboard.press('Tab');
  assert.equal((await focused()).what, 'load-preset');
  await page.keyboard.press('Enter');
  await page.waitForFunction((m) => document.querySelector('#code').value !== m, mine);
  // The select names the example loaded.
  assert.equal(await page.inputValue('#presets'), chosen);
  const title = await page.$eval('#presets', (s) => s.selectedOptions[0].textContent);
  assert.doesNotMatch(title, /edited/);
  assert.match(await page.innerText('#notice'), /The example replaced your code/);
  await page.focus('#undo-example');
  await page.keyboard.press('Enter');
  await page.waitForFunction((m) => document.querySelector('#code').value === m, mine);
  assert.equal(await page.locator('#notice').count(), 0);
  assert.equal(await page.inputValue('#presets'), '', 'no example is loaded now');
});

test('the select says "edited" once the example is changed', async () => {
  const { page } = session;
  await page.selectOption('#presets', 'one-to-one');
  await page.click('#load-preset');
  await page.waitForFunction(() => document.querySelector('#presets').selectedOptions[0].textContent.startsWith('One-to-one'));
  await page.click('#editor .cm-content');
  await page.keyboard.press('Control+End');
  await page.keyboard.type('\n// mine');
  await page.waitForFunction(() => document.querySelector('#presets').selectedOptions[0].textContent.endsWith('(edited)'));
  assert.equal(await page.inputValue('#presets'), 'one-to-one');
});

test('a reload of an example not yet edited still names it', async () => {
  const { page } = session;
  await page.selectOption('#presets', 'many-to-many');
  await page.click('#load-preset');
  await page.waitForFunction(() => document.querySelector('#presets').value === 'many-to-many');
  // Saved once typing pauses (and the address bar written with it).
  await page.waitForFunction(() => location.hash.startsWith('#v'));
  await page.waitForTimeout(400);
  await page.reload();
  await page.waitForSelector('html[data-editor="codemirror"] #tables .table-card');
  assert.equal(await page.inputValue('#presets'), 'many-to-many');
  const title = await page.$eval('#presets', (s) => s.selectedOptions[0].textContent);
  assert.doesNotMatch(title, /edited/);
});

test('no page errors on the keyboard path', () => {
  assert.deepEqual(session.consoleErrors, []);
});

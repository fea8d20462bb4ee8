// Embeds fit their content at every moment: the tutorial page's iframes measured
// against their documents after load, after typing and after a run; the host page
// barely moves (CLS); a one-line snippet gets a small editor.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { openPage, artifacts, screenshotPage, upgradeAllEmbeds } from './harness.mjs';

// Layout shifts of the host page, counted from the very start.
const countShifts = () => {
  window.__shifts = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shifts.push(entry.value);
  }).observe({ type: 'layout-shift', buffered: true });
};

const session = openPage({
  path: 'tutorial.html',
  beforeLoad: (page) => page.addInitScript(countShifts),
});

const frames = () => session.page.frames().filter((f) => f.url().includes('embed'));
let loadShifts;
let firstHeights;

/** Waits until no iframe's height changed for half a second. */
async function settled() {
  let last = '';
  for (let waited = 0; waited < 15000; waited += 250) {
    const now = await session.page.$$eval('iframe.assoc-playground', (fs) => fs.map((f) => f.style.height).join());
    if (now === last) return;
    last = now;
    await session.page.waitForTimeout(250);
  }
}

/** Each iframe against its document: no cut-off (nothing to scroll), no empty space. */
async function assertFits(when) {
  await settled();
  const iframes = await session.page.$$('iframe.assoc-playground');
  for (const handle of iframes) {
    const frame = await handle.contentFrame();
    const outer = await handle.evaluate((f) => f.clientHeight);
    const inner = await frame.evaluate(() => ({
      scroll: document.documentElement.scrollHeight,
      content: document.documentElement.getBoundingClientRect().height,
    }));
    const where = `${when}, ${frame.url().split('?')[1].split('#')[0]}: iframe ${outer}, content ${inner.content}, scroll ${inner.scroll}`;
    assert.ok(inner.scroll <= outer + 1, `cut off: ${where}`);
    assert.ok(inner.content >= outer - 3, `empty space: ${where}`);
  }
}

test('after load each iframe is as tall as its playground', async () => {
  const { page } = session;
  await upgradeAllEmbeds(session.page);
  for (let waited = 0; frames().length < 3 && waited < 30000; waited += 100) await page.waitForTimeout(100);
  for (const frame of frames()) {
    await frame.waitForSelector('html[data-editor="codemirror"] #tables, html[data-editor="codemirror"] #run');
  }
  await frames().find((f) => f.url().includes('run=auto')).waitForSelector('#run .step.show');
  await assertFits('after load');
  // The shifts of loading and the first sizing (typing and runs later grow the embeds
  // on purpose, and that moves what follows them).
  loadShifts = await page.evaluate(() => window.__shifts.slice());
  firstHeights = await page.$$eval('iframe.assoc-playground', (fs) => fs.map((f) => ({ first: +f.dataset.firstHeight, final: f.clientHeight + 2 })));
  fs.mkdirSync(artifacts, { recursive: true });
  await screenshotPage(page, path.join(artifacts, 'tutorial-sized.png'));
});

test('after typing and after a run they still fit', async () => {
  const first = frames().find((f) => f.url().includes('methods'));
  await first.click('#editor .cm-content');
  await first.press('#editor .cm-content', 'Control+End');
  await session.page.keyboard.type("\nconst Toy = sequelize.define('toy', { name: DataTypes.STRING });\nPug.hasMany(Toy);");
  await first.waitForSelector('#tables .table-card[data-table="toys"]');
  await assertFits('after typing');
  for (const frame of frames()) {
    if (!frame.url().includes('run=auto')) {
      await frame.click('#run-button');
      await frame.waitForSelector('#run .step.show');
    }
  }
  await assertFits('after a run');
});

test("the host page's layout shift stays under 0.1 while the embeds load", () => {
  const shifts = loadShifts;
  assert.ok(shifts, 'the load was measured');
  const cls = shifts.reduce((a, b) => a + b, 0);
  assert.ok(cls < 0.1, `CLS ${cls.toFixed(3)} from ${shifts.map((s) => s.toFixed(3)).join(', ')}`);
});

test('the height embed.js reserves is within 8 % of the height each playground reports', () => {
  assert.equal(firstHeights.length, 3);
  for (const { first, final } of firstHeights) {
    assert.ok(Math.abs(first - final) <= final * 0.08, `reserved ${first} px for ${final} px`);
  }
});

test('a dark one-line code,sql embed: a small editor and no empty space', async () => {
  const { page } = session;
  await page.evaluate(() => {
    document.body.innerHTML = '<pre data-assoc-playground data-panels="code,sql" data-theme="dark">const Tag = sequelize.define(\'tag\', {});</pre>';
    const script = document.createElement('script');
    script.src = './embed.js?again';
    document.head.append(script);
  });
  await page.waitForSelector('iframe.assoc-playground');
  for (let waited = 0; frames().length < 1 && waited < 30000; waited += 100) await page.waitForTimeout(100);
  const frame = frames()[0];
  await frame.waitForSelector('html[data-editor="codemirror"] #sql .ddl');
  await assertFits('one line');
  const editor = await frame.$eval('#editor', (e) => e.getBoundingClientRect().height);
  assert.ok(editor < 120, `the editor of one line is ${editor} px tall`);
  await screenshotPage(page, path.join(artifacts, 'embed-one-line-dark.png'));
});

test('no page errors in the sized embeds', () => {
  assert.deepEqual(session.consoleErrors, []);
});

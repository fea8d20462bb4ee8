// Playgrounds inside a tutorial page: embed.js upgrades its code blocks into iframes
// that size themselves, run on their own, and answer the postMessage API.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { openPage, artifacts, screenshotPage, upgradeAllEmbeds } from './harness.mjs';

const session = openPage({ path: 'tutorial.html' });

const frames = () => session.page.frames().filter((f) => f.url().includes('embed'));

test('the three code blocks become playgrounds with their code', async () => {
  await upgradeAllEmbeds(session.page);
  await session.page.waitForFunction(() => window.frames.length === 3);
  // A frame reports its address once it has navigated: wait until all three have.
  for (let waited = 0; frames().length < 3 && waited < 30000; waited += 100) {
    await session.page.waitForTimeout(100);
  }
  assert.equal(frames().length, 3, session.page.frames().map((f) => f.url()).join('\n'));
  for (const frame of frames()) await frame.waitForSelector('#code');
  const first = frames().find((f) => f.url().includes('panels=code%2Ctables%2Cmethods%2Crun'));
  assert.ok(first, frames().map((f) => f.url()).join('\n'));
  await first.waitForSelector('#tables .table-card[data-table="pugs"]');
  assert.equal(await first.locator('#diagram').count(), 0, 'the diagram was not asked for');
  assert.equal(await first.locator('#sql').count(), 0, 'the SQL panel was not asked for');
  assert.match(await first.getAttribute('#open-playground', 'href'), /#v2\./);
});

test('each playground of the tutorial runs its code', async () => {
  const ran = [];
  for (const frame of frames()) {
    if (!frame.url().includes('run=auto')) await frame.click('#run-button');
    await frame.waitForSelector('#run .step.show');
    ran.push(await frame.locator('#run .step.show .result').last().getAttribute('data-json'));
  }
  assert.equal(ran.length, 3);
  assert.ok(ran.every((json) => JSON.parse(json).length === 1), ran.join('\n'));
  assert.match(ran.join('\n'), /"projects": \[/);
});

test('run=auto runs on load; readonly code cannot be edited', async () => {
  const runner = frames().find((f) => f.url().includes('run=auto'));
  await runner.waitForSelector('#run .step.show');
  assert.match(await runner.getAttribute('#run .step.show .result', 'data-json'), /"pugs": \[/);
  assert.notEqual(await runner.getAttribute('#code', 'readonly'), null);
});

test('each iframe takes the height its playground reports', async () => {
  await session.page.waitForFunction(() =>
    [...document.querySelectorAll('iframe.assoc-playground')].every((f) => f.style.height !== '420px'));
  const heights = await session.page.$$eval('iframe.assoc-playground', (fs) => fs.map((f) => parseInt(f.style.height, 10)));
  assert.ok(heights.every((h) => h >= 120), heights.join(', '));
  fs.mkdirSync(artifacts, { recursive: true });
  await screenshotPage(session.page, path.join(artifacts, 'tutorial.png'));
});

test('postMessage: setCode then getState round-trips, replies come back to the sender', async () => {
  const state = await session.page.evaluate(async () => {
    const frame = document.querySelectorAll('iframe.assoc-playground')[2].contentWindow;
    const reply = new Promise((resolve) => {
      window.addEventListener('message', function listen(event) {
        if (event.source === frame && event.data && event.data.type === 'state') {
          window.removeEventListener('message', listen);
          resolve(event.data);
        }
      });
    });
    frame.postMessage({ type: 'setCode', code: "const Tag = sequelize.define('tag', {});" }, '*');
    frame.postMessage({ type: 'bogus', code: 42 }, '*');
    frame.postMessage('not even an object', '*');
    frame.postMessage({ type: 'getState' }, '*');
    return reply;
  });
  assert.equal(state.code, "const Tag = sequelize.define('tag', {});");
  assert.equal(state.dialect, 'postgres');
});

test('no page errors in the tutorial or its playgrounds', () => {
  assert.deepEqual(session.consoleErrors, []);
});

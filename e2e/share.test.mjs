// Nothing typed is lost: reloads restore it, links carry it, bad links never replace it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { deflateRawSync } from 'node:zlib';
import { randomBytes } from 'node:crypto';
import { serveDist, launch } from './harness.mjs';

let server;
const browsers = [];

before(async () => { server = await serveDist(); });
after(async () => {
  for (const b of browsers) await b.close();
  await server?.close();
});

async function fresh() {
  const b = await launch();
  browsers.push(b);
  return b;
}

async function open(page, url) {
  await page.goto(url);
  await page.waitForSelector('#tables');
}

const MINE = "const Mine = sequelize.define('mine', { name: DataTypes.STRING });";
const THEIRS = "const Theirs = sequelize.define('theirs', { title: DataTypes.STRING });";

test('a reload brings back what was typed, and the address bar carries it', async () => {
  const { page } = await fresh();
  await open(page, server.url);
  await page.fill('#code', MINE);
  await page.selectOption('#dialect', 'sqlite');
  await page.waitForFunction(() => location.hash.startsWith('#v2.'));
  await page.waitForTimeout(400);
  await page.reload();
  await page.waitForSelector('#tables .table-card[data-table="mines"]');
  assert.equal(await page.inputValue('#code'), MINE);
  assert.equal(await page.inputValue('#dialect'), 'sqlite');
});

test('a shared link opens the same playground in another browser profile', async () => {
  const a = await fresh();
  await open(a.page, server.url);
  await a.page.fill('#code', THEIRS);
  await a.page.click('#share');
  assert.match(await a.page.innerText('#share-status'), /^Link copied \(\d+ characters\)/);
  await a.page.waitForTimeout(400);
  const link = await a.page.evaluate(() => location.href);
  const b = await fresh();
  await open(b.page, link);
  assert.equal(await b.page.inputValue('#code'), THEIRS);
  assert.equal(await b.page.locator('#notice').count(), 0);
});

test('Share says when a link is long enough for chat apps or browsers to cut', async () => {
  const { page } = await fresh();
  await open(page, server.url);
  // Random text does not compress: about 3 KB and 12 KB of it in a comment.
  const noise = (bytes) => '// ' + randomBytes(bytes).toString('base64');
  for (const [bytes, words] of [[3000, /chat apps may cut links this long/], [12000, /too long for some browsers and servers/]]) {
    await page.fill('#code', `${MINE}\n${noise(bytes)}`);
    await page.click('#share');
    const status = await page.innerText('#share-status');
    const length = Number(status.match(/\((\d+) characters\)/)[1]);
    assert.ok(length > (bytes > 5000 ? 8000 : 2000), status);
    assert.match(status, words);
  }
});

test('a link opened over saved work keeps that work one click away', async () => {
  const { page } = await fresh();
  await open(page, server.url);
  await page.fill('#code', MINE);
  await page.waitForTimeout(400);
  // A link to other code, made by the page itself.
  await page.fill('#code', THEIRS);
  await page.waitForTimeout(400);
  const link = await page.evaluate(() => location.href);
  await page.fill('#code', MINE);
  await page.waitForTimeout(400);
  await open(page, link);
  await page.reload();
  await page.waitForSelector('#notice');
  assert.equal(await page.inputValue('#code'), THEIRS);
  await page.click('#restore');
  assert.equal(await page.inputValue('#code'), MINE);
  assert.equal(await page.locator('#notice').count(), 0);
});

test('a link pasted into the address bar of the open page opens, with the work one click away', async () => {
  const { page } = await fresh();
  await open(page, server.url);
  await page.fill('#code', THEIRS);
  await page.waitForTimeout(400);
  const theirsHash = await page.evaluate(() => location.hash);
  await page.fill('#code', MINE);
  await page.waitForTimeout(400);
  await page.evaluate((hash) => { location.hash = hash; }, theirsHash);
  await page.waitForSelector('#notice');
  assert.equal(await page.inputValue('#code'), THEIRS);
  await page.click('#restore');
  assert.equal(await page.inputValue('#code'), MINE);
});

test('copying as a Node script and as Markdown puts them on the clipboard', async () => {
  const { page } = await fresh();
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(server.url).origin });
  await open(page, server.url);
  await page.fill('#code', MINE);
  await page.click('#copy-script');
  const script = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(script, /new Sequelize\('sqlite::memory:'/);
  assert.ok(script.includes(`  ${MINE}`));
  await page.click('#copy-markdown');
  const markdown = await page.evaluate(() => navigator.clipboard.readText());
  assert.ok(markdown.startsWith('```js\n' + MINE));
  assert.match(markdown, /CREATE TABLE IF NOT EXISTS "mines"/);
});

test('bad links show why and keep the saved work', async () => {
  const { page, consoleErrors } = await fresh();
  await open(page, server.url);
  await page.fill('#code', MINE);
  await page.waitForTimeout(400);
  const base = server.url.replace(/#.*$/, '');
  const good = await page.evaluate(() => location.hash.slice(1));
  const bomb = 'v1.' + deflateRawSync(Buffer.alloc(20 * 1024 * 1024, 32), { level: 9 }).toString('base64url');
  for (const [index, [fragment, words]] of [
    ['v1.this-is-not-deflate', /the link is damaged: part of it was changed/],
    [good.slice(0, good.length - 12), /the link is cut short \(its end is missing\)/],
    ['v7.abc', /made by a newer version of the playground \(v7\)/],
    ['v2.@@@', /characters a playground link never has/],
    ['hello', /not a playground link \(it starts with "hello"\)/],
    ['v2.' + 'A'.repeat(100_001), /reads at most 100000/],
    [bomb, /unpacks to more than 512 KB/],
  ].entries()) {
    await page.goto(`${base}?bad=${index}#${fragment}`);
    await page.waitForSelector('#notice.bad');
    assert.match(await page.innerText('#notice'), words);
    assert.match(await page.innerText('#notice'), /Your saved work is shown instead/);
    assert.equal(await page.inputValue('#code'), MINE, fragment.slice(0, 40));
  }
  assert.deepEqual(consoleErrors, []);
});

test('a bad link in a fresh browser says the example is shown; pasted into the open page, that the code stays', async () => {
  const { page } = await fresh();
  await page.goto(`${server.url}#v2.abc$def`);
  await page.waitForSelector('#notice.bad');
  assert.match(await page.innerText('#notice'), /characters a playground link never has\. The example is shown instead\./);
  await page.fill('#code', MINE);
  await page.waitForFunction(() => location.hash.startsWith('#v2.') && !location.hash.includes('$'));
  await page.evaluate(() => { location.hash = location.hash.slice(0, -6); });
  await page.waitForFunction(() => /cut short/.test(document.querySelector('#notice')?.innerText));
  assert.match(await page.innerText('#notice'), /Your code is as it was\./);
  assert.equal(await page.inputValue('#code'), MINE);
});

test('the Share confirmation goes away by itself', async () => {
  const { page } = await fresh();
  await open(page, server.url);
  await page.click('#share');
  await page.waitForSelector('#share-status');
  await page.waitForSelector('#share-status', { state: 'detached', timeout: 8000 });
});

test('a link in the first format (v1, plain deflate) still opens', async () => {
  const { page } = await fresh();
  const state = JSON.stringify({ code: THEIRS, dialect: 'mysql' });
  const v1 = 'v1.' + deflateRawSync(Buffer.from(state), { level: 9 }).toString('base64url');
  await open(page, `${server.url.replace(/#.*$/, '')}#${v1}`);
  await page.waitForSelector('#tables .table-card[data-table="theirs"]');
  assert.equal(await page.inputValue('#code'), THEIRS);
  assert.equal(await page.inputValue('#dialect'), 'mysql');
});

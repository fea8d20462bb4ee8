// The modules come in two parts (scripts/split-module.sh): the page draws from the
// first part alone, fetches the rest after its first render, and works before the rest
// arrives; the SQL engine's rest (its SQL parser, and what runs never call) is not
// fetched by a run.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { serveDist, serve, launch, dist, markFirstRender } from './harness.mjs';

let server;
before(async () => { server = await serveDist(); });
after(async () => { await server.close(); });

const fileOf = (request) => new URL(request.url()).pathname.slice(1);

test('the first render needs only the first part; the rest follows, and a run never needs the engine parser', async () => {
  const browser = await launch();
  try {
    const { page } = browser;
    const requested = [];
    page.context().on('request', (request) => requested.push(fileOf(request)));
    await markFirstRender(page);
    await page.goto(server.url);
    await page.waitForSelector('#tables .table-card');
    const rest = () => performance.getEntriesByType('resource').find((e) => e.name.endsWith('/app_more.wasm'));
    await page.waitForFunction(rest);
    const [restStart, firstRender] = await page.evaluate((find) => [eval(find)().startTime, window.firstRender], `(${rest})`);
    assert.ok(restStart >= firstRender, `app_more.wasm is fetched after the first render (${restStart} < ${firstRender})`);

    await page.click('#run-button');
    await page.waitForSelector('#run .step.show');
    assert.ok(requested.includes('sql_bg.wasm'), 'a run loads the SQL engine');
    assert.ok(!requested.includes('sql_more.wasm'), 'a run does not load the engine parser');
    assert.deepEqual(browser.consoleErrors, []);
  } finally {
    await browser.close();
  }
});

test('before the rest has arrived, the page still works: what needs it loads it at once', async () => {
  // The server holds back the page's fetch of the rest for a while; the edit made
  // meanwhile needs functions of the rest, whose placeholders load it synchronously.
  // Only that first request is held: a placeholder's synchronous request stops the
  // page until it is answered, so holding it too would stop the test's own checks.
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  let fetches = 0;
  const hold = (pathname) => (pathname === '/app_more.wasm' && fetches++ === 0 ? held : undefined);
  const slow = await serve(dist, { hold });
  const browser = await launch();
  try {
    const { page } = browser;
    await page.goto(slow.url);
    await page.waitForSelector('#tables .table-card');
    setTimeout(release, 1500);
    await page.fill('#code', "const Author = sequelize.define('author', { name: DataTypes.STRING });\n"
      + "const Book = sequelize.define('book', { title: DataTypes.STRING });\nAuthor.hasMany(Book);\n");
    await page.waitForSelector('#tables .table-card[data-table="books"]');
    const loads = await page.evaluate(() => performance.getEntriesByType('resource')
      .filter((entry) => entry.name.endsWith('/app_more.wasm')).map((entry) => entry.initiatorType));
    assert.ok(loads.includes('xmlhttprequest'), `a placeholder loaded the rest at once (${loads})`);
    assert.equal(await page.locator('#tables .table-card[data-table="authors"]').count(), 1);
    assert.deepEqual(browser.consoleErrors, []);
  } finally {
    release();
    await browser.close();
    await slow.close();
  }
});

test("a run that calls into the engine's rest before it is loaded loads it in the worker and answers", async () => {
  // A copy of the page whose engine module has GlueSQL's INSERT moved to its rest (every
  // run of the example inserts), split from the whole module the build keeps.
  const whole = path.join(dist, '..', 'target', 'split');
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'assoc-split-'));
  fs.cpSync(dist, copy, { recursive: true });
  const names = execFileSync('node', [path.join(dist, '..', 'scripts', 'wasm-function-names.mjs'),
    path.join(whole, 'sql_whole.wasm'), '^gluesql_core\\[[0-9a-f]+\\]::executor::insert::'], { encoding: 'utf8' });
  assert.ok(names.trim(), "GlueSQL's INSERT functions are named in the module");
  const list = path.join(os.tmpdir(), `assoc-insert-${process.pid}.list`);
  fs.writeFileSync(list, names);
  fs.copyFileSync(path.join(whole, 'sql_whole.wasm'), path.join(copy, 'sql_bg.wasm'));
  fs.copyFileSync(path.join(whole, 'sql_whole.js'), path.join(copy, 'sql.js'));
  execFileSync(path.join(dist, '..', 'scripts', 'split-in-two.sh'), [copy, 'sql', `--split-funcs=@${list}`]);
  fs.rmSync(list);

  const split = await serve(copy);
  const browser = await launch();
  try {
    const { page } = browser;
    const rest = [];
    page.context().on('request', (request) => {
      if (fileOf(request) === 'sql_more.wasm') rest.push(request.resourceType());
    });
    await page.goto(split.url);
    await page.waitForSelector('#tables .table-card');
    await page.click('#run-button');
    await page.waitForSelector('#run .step.show');
    // The worker's synchronous request, and the service worker's fetch that answers it
    // (and keeps the file for offline use).
    assert.deepEqual(rest.filter((type) => type === 'xhr'), ['xhr'], `the worker loaded the rest synchronously, once (${rest})`);
    assert.ok(rest.length <= 2, `requests for the rest: ${rest}`);
    // The example's owner comes back from the rows its INSERT wrote.
    assert.match(await page.locator('#run').innerText(), /name: "Tom"/);
    assert.equal(await page.locator('#run .run-error').count(), 0);
    assert.deepEqual(browser.consoleErrors, []);
  } finally {
    await browser.close();
    await split.close();
    fs.rmSync(copy, { recursive: true, force: true });
  }
});

// The modules come in two parts (scripts/split-module.sh): the page draws from the
// first part alone, fetches the rest after its first render, and works before the rest
// arrives; the SQL engine's rest (its SQL parser, and what runs never call) is not
// fetched by a run.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
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

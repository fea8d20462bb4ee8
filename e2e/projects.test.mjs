// Projects of several files in the page: a models folder chosen with the folder picker
// or dropped as a .zip becomes the project's tabs; a file added to it queries across
// the files; findings and run errors name their file and lead to it; a link and a
// reload carry every file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { artifacts, openPage, runCode } from './harness.mjs';

const session = openPage({ ready: '#editor .cm-content' });

const MODELS = {
  'models/index.js': [
    "const { Sequelize, DataTypes } = require('sequelize');",
    "const sequelize = new Sequelize('sqlite::memory:', { logging: false });",
    "const Owner = require('./owner')(sequelize, DataTypes);",
    "const Pet = require('./pet')(sequelize, DataTypes);",
    'Owner.hasMany(Pet);',
    'Pet.belongsTo(Owner);',
    'module.exports = { sequelize, Owner, Pet };',
  ].join('\n'),
  'models/owner.js': "module.exports = (sequelize, DataTypes) =>\n  sequelize.define('owner', { name: DataTypes.STRING }, { timestamps: false });",
  'models/pet.js': "module.exports = (sequelize, DataTypes) =>\n  sequelize.define('pet', { name: DataTypes.STRING }, { timestamps: false });",
};

const QUERY = [
  "const { sequelize, Owner, Pet } = require('./models');",
  '(async () => {',
  '  await sequelize.sync({ force: true });',
  "  const ann = await Owner.create({ name: 'Ann' });",
  "  await Pet.create({ name: 'Rex', ownerId: ann.id });",
  '  console.log(JSON.stringify(await Owner.findAll({ include: Pet })));',
  '})();',
].join('\n');

/** A zip archive of `files` (stored, no compression), as a zip tool writes one. */
function zip(files) {
  const parts = [];
  const directory = [];
  let offset = 0;
  for (const [name, text] of Object.entries(files)) {
    const data = Buffer.from(text);
    const nameBytes = Buffer.from(name);
    const fields = Buffer.alloc(22);
    fields.writeUInt16LE(0, 0); // stored
    fields.writeUInt32LE(data.length, 10);
    fields.writeUInt32LE(data.length, 14);
    fields.writeUInt16LE(nameBytes.length, 18);
    const local = Buffer.concat([Buffer.from([0x50, 0x4b, 3, 4, 20, 0, 0, 0]), fields, nameBytes, data]);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    fields.copy(central, 10);
    central.writeUInt32LE(offset, 42);
    directory.push(Buffer.concat([central, nameBytes]));
    parts.push(local);
    offset += local.length;
  }
  const central = Buffer.concat(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(directory.length, 8);
  end.writeUInt16LE(directory.length, 10);
  end.writeUInt32LE(central.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, central, end]);
}

const tabs = (page) => page.locator('#files [role="tab"]').allInnerTexts();

test('a models folder chosen with the folder picker becomes the project, its tables shown', async () => {
  const { page } = session;
  const folder = path.join(artifacts, 'shop');
  fs.rmSync(folder, { recursive: true, force: true });
  for (const [name, text] of Object.entries({ ...MODELS, 'node_modules/pg/index.js': 'x', 'README.md': '# shop' })) {
    fs.mkdirSync(path.dirname(path.join(folder, name)), { recursive: true });
    fs.writeFileSync(path.join(folder, name), text);
  }
  await page.setInputFiles('#open-folder', folder);
  await page.waitForSelector('#file-tab-2');
  assert.deepEqual(await tabs(page), ['models/index.js ▶', 'models/owner.js', 'models/pet.js']);
  assert.match(await page.innerText('#notice'), /Opened 3 files; left out: node_modules .*README\.md: not JavaScript or JSON/);
  await page.waitForSelector('#tables .table-card[data-table="owners"]');
  await page.waitForSelector('#tables .table-card[data-table="pets"]');
  // The editor shows the entry file.
  assert.match(await page.innerText('#editor .cm-content'), /require\('\.\/owner'\)/);
  // The tabs take the arrow keys, as a tab list does.
  await page.focus('#file-tab-0');
  await page.keyboard.press('ArrowRight');
  await page.waitForSelector('#file-tab-1[aria-selected="true"]');
  await page.waitForFunction(() => document.activeElement?.id === 'file-tab-1');
  await page.keyboard.press('Home');
  await page.waitForSelector('#file-tab-0[aria-selected="true"]');
  // The method explorer runs the project's own entry, then the call.
  await page.click('#methods [data-model="owner"] button.explore[data-method="getPets"]');
  const sql = page.locator('#methods [data-model="owner"] .explored-sql pre.sql');
  await sql.waitFor();
  assert.match(await sql.innerText(), /^SELECT "id", "name", "ownerId" FROM "pets" AS "pet" WHERE "pet"."ownerId" = 1;$/);
});

test('a .zip dropped on the page opens; a file added to it runs a query across the files', async () => {
  const { page } = session;
  const bytes = [...zip(Object.fromEntries(Object.entries(MODELS).map(([k, v]) => [`zoo/${k}`, v])))];
  await page.evaluate((bytes) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([new Uint8Array(bytes)], 'zoo.zip', { type: 'application/zip' }));
    const drop = new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true });
    document.querySelector('.page').dispatchEvent(drop);
  }, bytes);
  await page.waitForFunction(() => /Opened 3 files\./.test(document.querySelector('#notice')?.textContent));
  assert.deepEqual(await tabs(page), ['models/index.js ▶', 'models/owner.js', 'models/pet.js']);
  await page.click('#add-file');
  await page.waitForSelector('#file-tab-3[aria-selected="true"]');
  await page.fill('#file-name', 'app.js');
  await page.press('#file-name', 'Enter');
  await page.waitForFunction(() => document.querySelector('#file-tab-3').textContent.startsWith('app.js'));
  // app.js is what Node would run now (before models/index.js).
  assert.deepEqual(await tabs(page), ['models/index.js', 'models/owner.js', 'models/pet.js', 'app.js ▶']);
  await runCode(page, QUERY);
  const printed = await page.locator('#run .step.show .console-text').allInnerTexts();
  assert.deepEqual(printed, ['[{"id":1,"name":"Ann","pets":[{"id":1,"name":"Rex","ownerId":1}]}]']);
});

test("an error in another file names it, and its link shows that file's place", async () => {
  const { page } = session;
  await page.click('#file-tab-2');
  await page.fill('#code', "module.exports = (sequelize, DataTypes) =>\n  sequelize.defin('pet', {});");
  await page.click('#file-tab-3');
  await runCode(page);
  const place = page.locator('#run .step.error button.place');
  assert.match(await place.innerText(), /^models\/pet\.js, line 2, column 3$/);
  assert.match(await page.innerText('#run .step.error'), /TypeError: sequelize\.defin is not a function/);
  await place.click();
  await page.waitForSelector('#file-tab-2[aria-selected="true"]');
  const underline = page.locator('#editor .cm-finding-error');
  await underline.first().waitFor();
  assert.match(await underline.first().innerText(), /sequelize\.defin/);
  // Put it right again for the next test.
  await page.fill('#code', MODELS['models/pet.js']);
});

test('a link and a reload carry every file; Undo brings back the work before', async () => {
  const { page, url } = session;
  // The address is rewritten once typing pauses (250 ms): wait until it holds still.
  await page.waitForFunction(() => {
    const same = window.lastHash === location.hash;
    window.lastHash = location.hash;
    return same && location.hash.startsWith('#v3.');
  }, null, { polling: 400 });
  const link = await page.evaluate(() => location.href);
  await page.reload();
  await page.waitForSelector('#file-tab-3');
  assert.deepEqual(await tabs(page), ['models/index.js', 'models/owner.js', 'models/pet.js', 'app.js ▶']);
  const other = await page.context().newPage();
  try {
    await other.goto(url + link.slice(link.indexOf('#')));
    await other.waitForSelector('#file-tab-3');
    assert.deepEqual(await tabs(other), ['models/index.js', 'models/owner.js', 'models/pet.js', 'app.js ▶']);
    await other.waitForSelector('#tables .table-card[data-table="pets"]');
  } finally {
    await other.close();
  }
  // Deleting a file can be undone.
  await page.click('#file-tab-3');
  await page.click('#delete-file');
  await page.waitForFunction(() => !document.querySelector('#file-tab-3'));
  await page.click('#undo-delete');
  await page.waitForSelector('#file-tab-3');
});

test('data-file blocks of a page become one embedded playground with a tab per file', async () => {
  const { page, url } = session;
  const host = await page.context().newPage();
  try {
    const block = (file, code) => `<pre data-assoc-playground data-file="${file}" data-panels="code,tables">${code}</pre>`;
    await host.goto(`${url}tutorial.html`);
    await host.setContent(`<!doctype html><html><head><script src="${url}embed.js"></script></head><body>
      <h1>A project in a tutorial</h1>
      ${block('models/index.js', MODELS['models/index.js'])}
      <p>Each model has its file:</p>
      ${block('models/owner.js', MODELS['models/owner.js'])}
      ${block('models/pet.js', MODELS['models/pet.js'])}
      </body></html>`);
    await host.waitForFunction(() => document.querySelectorAll('iframe.assoc-playground').length === 1
      && document.querySelectorAll('pre').length === 0);
    const frame = host.frameLocator('iframe.assoc-playground');
    await frame.locator('#file-tab-2').waitFor();
    assert.deepEqual(await frame.locator('#files [role="tab"]').allInnerTexts(),
      ['models/index.js ▶', 'models/owner.js', 'models/pet.js']);
    await frame.locator('#tables .table-card[data-table="pets"]').waitFor();
  } finally {
    await host.close();
  }
});

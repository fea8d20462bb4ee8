// Running a snippet in the page: the worker holds the SQL engine, the panel shows the
// SQL Sequelize logs and the nested JSON it returns.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { openPage, launch, artifacts, screenshotPage } from './harness.mjs';

const session = openPage({ ready: '#tables .table-card' });

const steps = () => session.page.locator('#run .step');

test('Run shows the SQL and the nested result of Owner.findAll({ include: Pug })', async () => {
  await session.page.click('#run-button');
  await session.page.waitForSelector('#run .step.show');
  // The SQL is folded under each result (textContent reads it all the same).
  const texts = await steps().allTextContents();
  const last = texts[texts.length - 1];
  assert.match(last, /SELECT "owner"\."id", "owner"\."name", "owner"\."createdAt", "owner"\."updatedAt", "pugs"\."id" AS "pugs\.id"/);
  assert.match(last, /LEFT OUTER JOIN "pugs" AS "pugs" ON "owner"\."id" = "pugs"\."ownerId";/);
  const json = JSON.parse(await session.page.locator('#run .step.show .result').last().getAttribute('data-json'));
  assert.equal(json.length, 1);
  assert.equal(json[0].name, 'Tom');
  assert.deepEqual(json[0].pugs.map((p) => [p.name, p.ownerId]), [['Cody', 1]]);
  assert.match(json[0].createdAt, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  // The result is a tree (first levels open) with a table view; the Data panel lists
  // the rows the run left in each table.
  const result = session.page.locator('#run .step.show .result').last();
  assert.deepEqual(await result.locator('.json-tree > details > ol > li > details > ul > li > .json-key').allInnerTexts(),
    ['id', 'name', 'createdAt', 'updatedAt', 'pugs']);
  await result.getByRole('button', { name: 'Table' }).click();
  assert.deepEqual(await result.locator('.result-table th').allInnerTexts(), ['id', 'name', 'createdAt', 'updatedAt', 'pugs']);
  assert.equal(await result.locator('.result-table td').nth(4).innerText(), '[1 item]');
  assert.deepEqual(await session.page.locator('#data .data-table[data-table="pugs"] th').allInnerTexts(),
    ['id', 'name', 'createdAt', 'updatedAt', 'ownerId']);
  assert.deepEqual((await session.page.locator('#data .data-table[data-table="pugs"] tbody td').allInnerTexts()).slice(0, 2), ['1', 'Cody']);
  fs.mkdirSync(artifacts, { recursive: true });
  await screenshotPage(session.page, path.join(artifacts, 'run.png'));
});


test('With SQLite chosen, Run logs the SQL as Sequelize logs it for SQLite, and says so', async () => {
  const { page } = session;
  await page.selectOption('#dialect', 'sqlite');
  try {
    await sqliteRun(page);
  } finally {
    await page.selectOption('#dialect', 'postgres');
  }
  assert.equal(await page.innerText('#run .run-status'), "This run's SQL is SQLite's: run again for PostgreSQL.");
  await page.click('#run-button');
  await page.waitForFunction(() => /PostgreSQL$/.test(document.querySelector('#run .run-status').textContent));
  assert.match((await steps().allTextContents()).join('\n'), /INSERT INTO "owners" [^;]*\sRETURNING\s/);
});

async function sqliteRun(page) {
  await page.click('#run-button');
  await page.waitForFunction(() => /SQLite/.test(document.querySelector('#run .run-status').textContent));
  assert.match(await page.innerText('#run .run-status'), /steps?, SQL as Sequelize logs it for SQLite$/);
  const sql = (await steps().allTextContents()).join('\n');
  assert.match(sql, /INSERT INTO `owners` \(`id`,`name`,`createdAt`,`updatedAt`\)\s+VALUES \(NULL,\$1,\$2,\$3\);/);
  assert.doesNotMatch(sql, /RETURNING|"owners"/);
  assert.match(sql, /LEFT OUTER JOIN `pugs` AS `pugs` ON `owner`\.`id` = `pugs`\.`ownerId`;/);
}

test('editing marks the run stale; Ctrl+Enter runs again and shows Sequelize errors', async () => {
  await session.page.fill('#code', [
    "const Owner = sequelize.define('owner', { name: DataTypes.STRING });",
    "const Pug = sequelize.define('pug', { name: DataTypes.STRING });",
    'Owner.hasMany(Pug, { as: "pets" });',
    'await sequelize.sync({ force: true });',
    'console.log(await Owner.findAll({ include: Pug }));',
  ].join('\n'));
  await session.page.waitForSelector('#run.stale');
  await session.page.focus('#code');
  await session.page.keyboard.press('Control+Enter');
  const error = session.page.locator('#run .step.error');
  await error.waitFor();
  assert.match(await error.innerText(),
    /SequelizeEagerLoadingError: pug is associated to owner using an alias\. You must use the 'as' keyword/);
  // In place: where the error was thrown, and how to fix it.
  assert.match(await error.innerText(), /\(line 5, column 19\)/);
  assert.match(await error.locator('.hint').innerText(), /include it the same way: \{ model: Pug, as: 'pets' \}/);
  assert.equal(await session.page.locator('#run.stale').count(), 0);
});

test('a snippet that ends in a query without console.log shows that query', async () => {
  await session.page.fill('#code', [
    "const Owner = sequelize.define('owner', { name: DataTypes.STRING });",
    'await sequelize.sync({ force: true });',
    "await Owner.create({ name: 'Tom' });",
  ].join('\n'));
  await session.page.click('#run-button');
  const last = session.page.locator('#run .step.trailing');
  await last.waitFor();
  assert.match(await last.textContent(), /INSERT INTO "owners" \("id","name","createdAt","updatedAt"\)\s+VALUES \(DEFAULT,\$1,\$2,\$3\)/);
});

test('a getter takes its order, and a join-table value is written and shown', async () => {
  await session.page.fill('#code', [
    "const User = sequelize.define('user', { name: DataTypes.STRING });",
    "const Team = sequelize.define('team', { name: DataTypes.STRING });",
    "const Member = sequelize.define('member', { role: DataTypes.STRING });",
    'User.belongsToMany(Team, { through: Member });',
    'Team.belongsToMany(User, { through: Member });',
    'await sequelize.sync({ force: true });',
    "const ann = await User.create({ name: 'Ann' });",
    "await ann.addTeam(await Team.create({ name: 'Blue' }), { through: { role: 'lead' } });",
    "await ann.addTeam(await Team.create({ name: 'Red' }), { through: { role: 'coach' } });",
    "console.log(JSON.stringify(await ann.getTeams({ order: [['name', 'DESC']], joinTableAttributes: ['role'] })));",
  ].join('\n'));
  await session.page.click('#run-button');
  const shown = session.page.locator('#run .step.show').last();
  await shown.waitFor();
  await session.page.waitForFunction(() => !document.querySelector('#run.stale'));
  const sql = (await steps().allTextContents()).join('\n');
  assert.match(sql, /INSERT INTO "members" \("role","createdAt","updatedAt","userId","teamId"\)\s+VALUES \('lead',/);
  assert.match(sql, /ORDER BY "team"\."name" DESC;/);
  const result = shown.locator('.result');
  let teams = (await result.count()) ? JSON.parse(await result.last().getAttribute('data-json')) : null;
  if (typeof teams !== 'object' || teams === null) {
    const text = typeof teams === 'string' ? teams : await shown.textContent();
    teams = JSON.parse(text.slice(text.indexOf('['), text.lastIndexOf(']') + 1));
  }
  assert.deepEqual(teams.map((t) => [t.name, t.member]), [['Red', { role: 'coach' }], ['Blue', { role: 'lead' }]]);
  assert.deepEqual(await session.page.locator('#data .data-table[data-table="members"] th').allInnerTexts(),
    ['role', 'createdAt', 'updatedAt', 'userId', 'teamId']);
});

test('a count per owner, a scope and a getter run in the page as Sequelize runs them', async () => {
  await session.page.fill('#code', [
    "const Owner = sequelize.define('owner', {",
    '  name: DataTypes.STRING,',
    "  label: { type: DataTypes.VIRTUAL, get() { return `#${this.id} ${this.name}`; } },",
    "}, { scopes: { named(name) { return { where: { name } }; } } });",
    "const Pug = sequelize.define('pug', { name: DataTypes.STRING });",
    'Owner.hasMany(Pug);',
    'await sequelize.sync({ force: true });',
    "await Owner.bulkCreate([{ name: 'Tom' }, { name: 'Ann' }]);",
    "await Pug.bulkCreate([{ name: 'Dot', ownerId: 1 }, { name: 'Rex', ownerId: 1 }]);",
    'const owners = await Owner.findAll({',
    "  attributes: { include: [[sequelize.fn('COUNT', sequelize.col('pugs.id')), 'pugCount']] },",
    "  include: [{ model: Pug, attributes: [] }], group: ['owner.id'], order: [['id', 'ASC']],",
    '});',
    "console.log(JSON.stringify(owners.map((o) => [o.label, o.get('pugCount')])));",
    "const ann = await Owner.scope({ method: ['named', 'Ann'] }).findOne();",
    'console.log(JSON.stringify(ann.label));',
  ].join('\n'));
  await session.page.click('#run-button');
  const shown = session.page.locator('#run .step.show').last();
  await shown.waitFor();
  await session.page.waitForFunction(() => !document.querySelector('#run.stale'));
  const sql = (await steps().allTextContents()).join('\n');
  assert.match(sql, /COUNT\("pugs"\."id"\) AS "pugCount"/);
  assert.match(sql, /GROUP BY "owner"\."id"/);
  assert.match(sql, /WHERE "owner"\."name" = 'Ann'/);
  const text = (await session.page.locator('#run .step.show').allTextContents()).join('\n');
  assert.match(text, /\[\["#1 Tom","2"\],\["#2 Ann","0"\]\]/);
  assert.match(text, /"#2 Ann"/);
});

/** A snippet that would read millions of rows: the run stops at its bound. */
const RUNAWAY = [
  "const Owner = sequelize.define('owner', { name: DataTypes.STRING });",
  'await sequelize.sync({ force: true });',
  ...Array.from({ length: 20 }, (_, i) => `async function seed${i}() { await seed${i + 1}(); await seed${i + 1}(); }`),
  "async function seed20() { await Owner.create({ name: 'Tom' }); await Owner.count(); }",
  'await seed0();',
].join('\n');

test('a run that reaches a bound stops with why, and the page keeps working', async () => {
  await session.page.fill('#code', RUNAWAY);
  await session.page.click('#run-button');
  const error = session.page.locator('#run .step.error');
  await error.waitFor();
  assert.match(await error.innerText(), /The playground stops a run after 200000 rows/);
  // The live analysis (no SQL engine) stops the same snippet at its step bound.
  assert.match(await session.page.innerText('#problems'), /stopped this snippet after 200000 steps/);
  await session.page.fill('#code', "const Tag = sequelize.define('tag', { name: DataTypes.STRING });");
  await session.page.waitForSelector('#tables .table-card[data-table="tags"]');
});

test('Cancel stops a run; the page stays usable and the next run works', async () => {
  const fresh = await launch();
  try {
    await fresh.page.goto(session.url);
    await fresh.page.waitForSelector('#tables .table-card');
    await fresh.page.fill('#code', RUNAWAY);
    await fresh.page.click('#run-button');
    // The first run also starts the worker and loads the SQL engine: still running.
    await fresh.page.click('#cancel');
    await fresh.page.waitForFunction(() => document.querySelector('#run .run-status').textContent === 'Cancelled.');
    await fresh.page.fill('#code', "const Tag = sequelize.define('tag', {});\nawait sequelize.sync();\nconsole.log(await Tag.create({}));");
    await fresh.page.waitForSelector('#tables .table-card[data-table="tags"]');
    await fresh.page.click('#run-button');
    await fresh.page.waitForSelector('#run .step.show');
    assert.match(await fresh.page.getAttribute('#run .step.show .result', 'data-json'), /"id": 1/);
    assert.deepEqual(fresh.consoleErrors, []);
  } finally {
    await fresh.close();
  }
});

test('the method explorer shows the SQL a method issues, and marks it stale on edit', async () => {
  await session.page.fill('#code', [
    "const Owner = sequelize.define('owner', { name: DataTypes.STRING });",
    "const Pug = sequelize.define('pug', { name: DataTypes.STRING });",
    'Pug.belongsTo(Owner);',
    'Owner.hasMany(Pug);',
  ].join('\n'));
  await session.page.click('#methods [data-model="owner"] button.explore[data-method="getPugs"]');
  const sql = session.page.locator('#methods [data-model="owner"] .explored-sql pre.sql');
  await sql.waitFor();
  assert.equal(await sql.innerText(),
    'SELECT "id", "name", "createdAt", "updatedAt", "ownerId" FROM "pugs" AS "pug" WHERE "pug"."ownerId" = 1;');
  await session.page.click('#methods [data-model="pug"] button.explore[data-method="setOwner"]');
  const update = session.page.locator('#methods [data-model="pug"] .explored-sql pre.sql');
  await update.waitFor();
  assert.match(await update.innerText(), /^UPDATE "pugs" SET "ownerId"=\$1,"updatedAt"=\$2 WHERE "id" = \$3$/);
  await session.page.type('#code', '\n// edited');
  await session.page.waitForSelector('#methods .explored-sql.stale');
});

test('the page logs no errors while running', () => {
  assert.deepEqual(session.consoleErrors, []);
});

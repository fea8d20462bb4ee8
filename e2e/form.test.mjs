// The form builder: a form edit rewrites the code, and the tables, methods and diagram
// follow; a code edit changes the form.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage } from './harness.mjs';

const session = openPage({ ready: '#tables .table-card' });

const SEED = [
  "const Owner = sequelize.define('owner', { name: DataTypes.STRING });",
  "const Pug = sequelize.define('pug', { name: DataTypes.STRING });",
  'Pug.belongsTo(Owner);',
  'Owner.hasMany(Pug);',
  '',
  'await sequelize.sync({ force: true });',
  'console.log(await Owner.findAll({ include: Pug }));',
].join('\n');

test("changing 'as' in the form changes the code, the methods and the foreign-key column", async () => {
  const { page } = session;
  await page.fill('#code', SEED);
  await page.click('#form-toggle');
  const belongsTo = page.locator('.form-association[data-call="Pug.belongsTo(Owner)"]');
  await belongsTo.locator('input.association-as').fill('master');
  await belongsTo.locator('input.association-as').press('Tab');
  await page.waitForFunction(() => document.getElementById('code').value.includes("Pug.belongsTo(Owner, { as: 'master' });"));
  const code = await page.inputValue('#code');
  assert.ok(code.endsWith('console.log(await Owner.findAll({ include: Pug }));'), 'the queries stay');
  await page.waitForSelector('#methods [data-model="pug"] code.method[data-method="getMaster"]');
  await page.waitForSelector('#tables .table-card[data-table="pugs"] tr.fk >> text=masterId');
  // The code is the truth: the form reads it back.
  assert.equal(await page.inputValue('.form-association[data-call="Pug.belongsTo(Owner)"] input.association-as'), 'master');
});

test('adding an attribute and a model with the form', async () => {
  const { page } = session;
  await page.fill('#code', SEED);
  await page.click('.form-model[data-model="Pug"] button.add-attribute');
  await page.waitForSelector('#tables .table-card[data-table="pugs"] >> text=attribute2');
  const row = page.locator('.form-model[data-model="Pug"] tr[data-attribute="attribute2"]');
  await row.locator('input.attribute-name').fill('age');
  await row.locator('input.attribute-name').press('Tab');
  await page.waitForSelector('.form-model[data-model="Pug"] tr[data-attribute="age"]');
  await page.locator('.form-model[data-model="Pug"] tr[data-attribute="age"] select.attribute-type').selectOption('INTEGER');
  await page.waitForFunction(() => document.getElementById('code').value.includes('  age: DataTypes.INTEGER,'));
  await page.click('#add-model');
  await page.waitForSelector('#tables .table-card[data-table="model1s"]');
  assert.match(await page.inputValue('#code'), /const Model1 = sequelize\.define\('model1', \{\n {2}name: DataTypes\.STRING,\n\}\);/);
});

test('a definition the form cannot show is left to the code', async () => {
  const { page } = session;
  await page.fill('#code', "const Owner = sequelize.define('owner', { name: DataTypes.STRING }, { tableName: 'people' });");
  const owner = page.locator('.form-model[data-model="Owner"]');
  await owner.waitFor();
  assert.notEqual(await owner.getAttribute('disabled'), null);
  assert.match(await owner.innerText(), /edit it in the code/);
});

test('no page errors while using the form', () => {
  assert.deepEqual(session.consoleErrors, []);
});

// Records which functions of the SQL engine's module (GlueSQL) runs call, for
// scripts/split-module.sh: the page is served from DIR with the engine's module
// instrumented by `wasm-split --instrument` (and its worker keeping the module's
// exports as `self.instrumentedSql`), and every single-file case of tests/corpus and
// tests/realcode, and one workload of 400 owners with 800 pugs, is run in headless
// Chromium on each dialect. The engine's profile is
// written every BATCH runs (a worker the page replaces would take its count with it) to
// OUT.1, OUT.2, … for `wasm-split --merge-profiles`.
//
// Usage: node e2e/engine-profile.mjs DIR OUT
import fs from 'node:fs';
import path from 'node:path';
import { serve, launch, runCode, readProfile } from './harness.mjs';

const [dir, out] = process.argv.slice(2);
if (!dir || !out) {
  console.error('usage: node e2e/engine-profile.mjs DIR OUT');
  process.exit(2);
}
const BATCH = 60;
const tests = new URL('../tests/', import.meta.url).pathname;
const cases = ['corpus', 'realcode'].flatMap((folder) => fs.readdirSync(path.join(tests, folder))
  .filter((name) => name.endsWith('.js'))
  .map((name) => fs.readFileSync(path.join(tests, folder, name), 'utf8')));

// And tables of a size the cases never reach: a lookup by key reads a key map only
// when it matches at most half the table, and the maps grow as rows come.
cases.push(`const Owner = sequelize.define('owner', { name: DataTypes.STRING, age: DataTypes.INTEGER });
const Pug = sequelize.define('pug', { name: DataTypes.STRING, weight: DataTypes.FLOAT });
Owner.hasMany(Pug);
Pug.belongsTo(Owner);
await sequelize.sync({ force: true });
for (let i = 0; i < 400; i++) {
  await Owner.create({ name: 'owner ' + i, age: i % 90, pugs: [{ name: 'a' + i, weight: i / 3 }, { name: 'b' + i, weight: i / 7 }] }, { include: Pug });
}
const some = await Owner.findAll({ where: { id: [3, 30, 300] }, include: Pug });
const older = await Owner.findAll({ where: { age: { [Op.gt]: 60 } }, include: Pug, order: [['name', 'DESC']], limit: 20 });
await Pug.update({ weight: 1 }, { where: { ownerId: [1, 2, 3] } });
await Pug.destroy({ where: { ownerId: 7 } });
await Owner.destroy({ where: { id: 9 } });
const one = await Owner.findByPk(250, { include: Pug });
console.log(some.length, older.length, one.name, await Pug.count(), await Owner.count({ where: { age: 5 } }));`);

const server = await serve(dir);
const browser = await launch();
const { page } = browser;
let written = 0;

/** Writes the profile of the engine's module in the page's current worker. */
async function writeProfile() {
  const worker = page.workers().at(-1);
  if (!worker) throw new Error('no worker: no run reached the engine');
  const bytes = await worker.evaluate(readProfile, 'instrumentedSql');
  fs.writeFileSync(`${out}.${++written}`, Buffer.from(bytes));
}

try {
  await page.goto(server.url);
  await page.waitForSelector('#tables .table-card');
  let runs = 0;
  for (const dialect of ['postgres', 'mysql', 'sqlite']) {
    await page.selectOption('#dialect', dialect);
    for (const code of cases) {
      await runCode(page, code);
      if (++runs % BATCH === 0) await writeProfile();
    }
  }
  await writeProfile();
  console.error(`engine profile: ${runs} runs (${cases.length} cases on 3 dialects), ${written} profiles`);
} finally {
  await browser.close();
  await server.close();
}

// Real code as people paste it, in the page: a sequelize-cli model file shows its
// tables, results print as Node prints them, and a typo in a method name is V8's
// TypeError, underlined at the call with a did-you-mean.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, runCode } from './harness.mjs';

const session = openPage({ ready: '#editor .cm-content' });

const CLI_MODEL = `'use strict';
const { Model } = require('sequelize');
module.exports = (sequelize, DataTypes) => {
  class Player extends Model {
    static associate(models) {
      Player.belongsTo(models.Team, { foreignKey: 'teamId' });
    }
  }
  Player.init({ name: DataTypes.STRING }, { sequelize, modelName: 'Player' });
  return Player;
};
`;

const run = (code) => runCode(session.page, code);

test('a pasted sequelize-cli model file shows its table, loaded as models/index.js would', async () => {
  const { page } = session;
  await page.fill('#code', CLI_MODEL);
  await page.waitForSelector('#tables .table-card[data-table="Players"]');
  assert.match(await page.innerText('#problems'), /exports a model factory/);
});

test('JSON.stringify and .map print what Node prints', async () => {
  const { page } = session;
  await run([
    "const Team = sequelize.define('team', { name: DataTypes.STRING }, { timestamps: false });",
    'await sequelize.sync({ force: true });',
    "await Team.bulkCreate([{ name: 'Ajax' }, { name: 'Celtic' }]);",
    "const teams = await Team.findAll({ order: [['name', 'ASC']] });",
    'console.log(JSON.stringify(teams));',
    'console.log(teams.map((t) => t.name));',
    "console.log('teams:', teams.length);",
  ].join('\n'));
  const printed = await page.locator('#run .step.show .console-text').allInnerTexts();
  assert.deepEqual(printed, [
    '[{"id":1,"name":"Ajax"},{"id":2,"name":"Celtic"}]',
    "[ 'Ajax', 'Celtic' ]",
    'teams: 2',
  ]);
});

test("a method-name typo is underlined with V8's message and a did-you-mean", async () => {
  const { page } = session;
  await page.fill('#code', [
    "const Team = sequelize.define('team', {});",
    "const Player = sequelize.define('player', {});",
    'Team.hasMny(Player);',
  ].join('\n'));
  const underline = page.locator('#editor .cm-finding-error', { hasText: 'hasMny' });
  await underline.waitFor();
  assert.equal(await underline.innerText(), 'Team.hasMny(Player)');
  assert.match(await page.innerText('#problems'), /TypeError: Team\.hasMny is not a function[\s\S]*did you mean Team\.hasMany\(\)\?/);
});

const Team = sequelize.define('team', { name: DataTypes.STRING });
const Player = sequelize.define('player', { name: DataTypes.STRING, age: DataTypes.INTEGER, active: DataTypes.BOOLEAN }, {
  defaultScope: { where: { active: true } },
  scopes: {
    adults: { where: { age: { [Op.gte]: 18 } } },
    olderThan(age) { return { where: { age: { [Op.gt]: age } } }; },
    withTeam: () => ({ include: [{ model: Team }] }),
    named: { attributes: ['id', 'name'] },
  },
});
Team.hasMany(Player);
Player.belongsTo(Team);
await sequelize.sync({ force: true });
const red = await Team.create({ name: 'red' });
await Player.bulkCreate([
  { name: 'ann', age: 17, active: true, teamId: red.id },
  { name: 'bo', age: 25, active: true, teamId: red.id },
  { name: 'cy', age: 40, active: false, teamId: red.id },
  { name: 'di', age: 33, active: true },
]);
console.log((await Player.findAll({ order: [['id', 'ASC']] })).map((p) => p.name));
console.log((await Player.scope('adults').findAll({ order: [['id', 'ASC']] })).map((p) => p.name));
console.log((await Player.scope('defaultScope', 'adults').findAll({ order: [['id', 'ASC']] })).map((p) => p.name));
console.log((await Player.scope({ method: ['olderThan', 30] }).findAll({ order: [['id', 'ASC']] })).map((p) => p.name));
console.log((await Player.scope(['adults', 'named']).findAll({ order: [['id', 'ASC']], raw: true })));
const withTeam = await Player.scope('defaultScope', 'withTeam').findAll({ order: [['id', 'ASC']] });
console.log(withTeam.map((p) => [p.name, p.team ? p.team.name : null]));
console.log(await Player.unscoped().count(), await Player.count());
console.log((await red.getPlayers({ order: [['id', 'ASC']] })).map((p) => p.name));
console.log((await red.getPlayers({ scope: false, order: [['id', 'ASC']] })).map((p) => p.name));
console.log((await Player.scope('adults').findAll({ where: { age: { [Op.lt]: 30 } } })).map((p) => p.name));

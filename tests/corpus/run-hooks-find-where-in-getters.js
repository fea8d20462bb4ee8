// A beforeFind hook that adds to or replaces the where an association getter builds: Sequelize finds with what the hook left.
const Team = sequelize.define('Team', { name: DataTypes.STRING });
const Player = sequelize.define('Player', { name: DataTypes.STRING, active: DataTypes.BOOLEAN, number: DataTypes.INTEGER });
Team.hasMany(Player);
Player.belongsTo(Team);
let mode = 'add';
Player.addHook('beforeFind', (options) => {
  if (mode === 'add') options.where = { ...options.where, active: true };
  if (mode === 'replace') options.where = { number: 7 };
});
Team.addHook('beforeFind', (options) => {
  console.log('Team where', JSON.stringify(options.where));
});
await sequelize.sync({ force: true });
const reds = await Team.create({ name: 'Reds' });
const blues = await Team.create({ name: 'Blues' });
await Player.bulkCreate([
  { name: 'Ada', active: true, number: 7, TeamId: reds.id },
  { name: 'Bo', active: false, number: 9, TeamId: reds.id },
  { name: 'Cy', active: true, number: 7, TeamId: blues.id },
]);
console.log((await reds.getPlayers()).map((p) => p.name));
console.log((await reds.getPlayers({ where: { number: 9 } })).map((p) => p.name));
console.log(await reds.countPlayers());
mode = 'replace';
console.log((await reds.getPlayers()).map((p) => p.name));
mode = 'none';
const ada = await Player.findOne({ where: { name: 'Ada' } });
console.log((await ada.getTeam()).name);
console.log((await ada.getTeam({ attributes: ['name'] })).toJSON());

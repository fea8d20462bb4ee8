// Learner slips: a missing await (a pending promise printed, .map on it), an include
// left out (the key is undefined), a getter called on the model, JSON of a promise.
const { Sequelize, DataTypes } = require('sequelize');
const sequelize = new Sequelize('sqlite::memory:', { logging: false });
const Team = sequelize.define('Team', { name: DataTypes.STRING });
const Player = sequelize.define('Player', { name: DataTypes.STRING });
Team.hasMany(Player);
Player.belongsTo(Team);
await sequelize.sync();
await Team.create({ name: 'Owls', Players: [{ name: 'Ann' }] }, { include: Player });
const pending = Team.findAll();
console.log(pending);
console.log(JSON.stringify(pending));
await pending;
const team = await Team.findOne();
console.log(team.Players, team.Player, typeof team.getPlayers);
const players = await team.getPlayers();
console.log(players.length, players[0].TeamId, players[0].Team);
try {
  pending.map((t) => t.name);
} catch (e) {
  console.log(e.name, e.message);
}
try {
  await Team.getPlayers();
} catch (e) {
  console.log(e.name, e.message);
}
try {
  await Team.findAll({ include: [{ model: Player, as: 'players' }] });
} catch (e) {
  console.log(e.name, e.message);
}

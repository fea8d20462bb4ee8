const { Sequelize, DataTypes } = require('sequelize');
const sequelize = new Sequelize('sqlite::memory:');

const Team = sequelize.define('team', {
  teamName: DataTypes.STRING,
}, { underscored: true });

const Player = sequelize.define('player', {
  firstName: DataTypes.STRING,
  jerseyNumber: DataTypes.INTEGER,
}, { underscored: true });

Team.hasMany(Player);
Player.belongsTo(Team);

(async () => {
  await sequelize.sync({ force: true });
  const team = await Team.create({ teamName: 'Owls' });
  await Player.create({ firstName: 'Sam', jerseyNumber: 9, teamId: team.id });
  const players = await Player.findAll({ include: Team });
  console.log(players.map(p => `${p.firstName} #${p.jerseyNumber} (${p.team.teamName})`));
})();

const { Sequelize, DataTypes } = require('sequelize');
const sequelize = new Sequelize('sqlite::memory:');

const Team = sequelize.define('Team', { name: DataTypes.STRING });
const Match = sequelize.define('Match', { playedOn: DataTypes.DATEONLY, homeScore: DataTypes.INTEGER, awayScore: DataTypes.INTEGER });

Match.belongsTo(Team, { as: 'homeTeam', foreignKey: 'homeTeamId' });
Match.belongsTo(Team, { as: 'awayTeam', foreignKey: 'awayTeamId' });
Team.hasMany(Match, { as: 'homeMatches', foreignKey: 'homeTeamId' });
Team.hasMany(Match, { as: 'awayMatches', foreignKey: 'awayTeamId' });

(async () => {
  await sequelize.sync({ force: true });
  const [reds, blues] = await Team.bulkCreate([{ name: 'Reds' }, { name: 'Blues' }]);
  await Match.create({ playedOn: '2024-05-01', homeScore: 2, awayScore: 1, homeTeamId: reds.id, awayTeamId: blues.id });
  const matches = await Match.findAll({ include: ['homeTeam', 'awayTeam'] });
  for (const m of matches) {
    console.log(`${m.homeTeam.name} ${m.homeScore}-${m.awayScore} ${m.awayTeam.name}`);
  }
})();

// The "super many-to-many" of Sequelize's guide.
const Player = sequelize.define('Player', { username: DataTypes.STRING });
const Team = sequelize.define('Team', { name: DataTypes.STRING });
const GameTeam = sequelize.define('GameTeam', {
  id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
  score: DataTypes.INTEGER,
});
Player.belongsToMany(Team, { through: GameTeam });
Team.belongsToMany(Player, { through: GameTeam });
GameTeam.belongsTo(Player);
GameTeam.belongsTo(Team);
Player.hasMany(GameTeam);
Team.hasMany(GameTeam);
await sequelize.sync({ force: true });
const [p1, p2] = await Player.bulkCreate([{ username: 's0me0ne' }, { username: 'empty' }]);
const [t1, t2] = await Team.bulkCreate([{ name: 'The Martians' }, { name: 'The Earthlings' }]);
await GameTeam.bulkCreate([
  { PlayerId: p1.id, TeamId: t1.id, score: 3 },
  { PlayerId: p1.id, TeamId: t2.id, score: 1 },
  { PlayerId: p2.id, TeamId: t2.id, score: 7 },
]);
const rows = await GameTeam.findAll({ include: [Player, Team], order: [['score', 'DESC']] });
console.log(rows.map((r) => `${r.Player.username}@${r.Team.name}:${r.score}`));
const players = await Player.findAll({ include: { model: GameTeam, include: [Team] }, order: [['id', 'ASC'], [GameTeam, 'id', 'ASC']] });
console.log(players.map((p) => [p.username, p.GameTeams.map((g) => g.Team.name)]));
const teams = await Team.findAll({ include: { model: Player, through: { attributes: ['score'] } }, order: [['id', 'ASC']] });
console.log(JSON.stringify(teams.map((t) => ({ team: t.name, players: t.Players.map((p) => [p.username, p.GameTeam.score]) }))));

// Team rosters with a role on each membership: setting the roster again updates a kept
// member's role, drops the one left out and adds the new one.
const { Sequelize, DataTypes } = require('sequelize');
const sequelize = new Sequelize('sqlite::memory:');

const Team = sequelize.define('team', { name: DataTypes.STRING }, { timestamps: false });
const Player = sequelize.define('player', { name: DataTypes.STRING }, { timestamps: false });
const Membership = sequelize.define('membership', { role: DataTypes.STRING }, { timestamps: false });
Team.belongsToMany(Player, { through: Membership });
Player.belongsToMany(Team, { through: Membership });

(async () => {
  await sequelize.sync({ force: true });
  const team = await Team.create({ name: 'Owls' });
  const [ann, bob, cy] = await Player.bulkCreate([{ name: 'Ann' }, { name: 'Bob' }, { name: 'Cy' }]);
  await team.setPlayers([ann, bob], { through: { role: 'bench' } });
  await team.setPlayers([bob, cy], { through: { role: 'starter' } });
  const roster = await team.getPlayers({ order: [['name', 'ASC']] });
  console.log(roster.map((p) => `${p.name}: ${p.membership.role}`));
})();

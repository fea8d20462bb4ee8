const { Model, DataTypes, Op } = require('sequelize');
const models = {};
class User extends Model {
  static associate(m) {
    User.belongsToMany(m.Team, { through: m.Membership, foreignKey: 'userId', otherKey: 'teamId' });
    User.hasMany(m.Comment, { foreignKey: 'userId', as: 'comments' });
  }
}
User.init({ name: DataTypes.STRING, email: { type: DataTypes.STRING, unique: true } }, { sequelize, modelName: 'User', tableName: 'users' });
class Team extends Model {
  static associate(m) {
    Team.belongsToMany(m.User, { through: m.Membership, foreignKey: 'teamId', otherKey: 'userId', as: 'members' });
  }
}
Team.init({ title: DataTypes.STRING }, { sequelize, modelName: 'Team', tableName: 'teams' });
class Membership extends Model {}
Membership.init({ role: { type: DataTypes.STRING, defaultValue: 'member' } }, { sequelize, modelName: 'Membership', tableName: 'memberships' });
class Comment extends Model {
  static associate(m) {
    Comment.belongsTo(m.User, { foreignKey: 'userId', as: 'author' });
  }
}
Comment.init({ text: DataTypes.TEXT, score: { type: DataTypes.INTEGER, defaultValue: 0 } }, { sequelize, modelName: 'Comment', tableName: 'comments' });
Object.assign(models, { User, Team, Membership, Comment });
Object.values(models).forEach((m) => m.associate && m.associate(models));
await sequelize.sync({ force: true });
const [ann, bob, cy] = await User.bulkCreate([
  { name: 'Ann', email: 'ann@x.io' },
  { name: 'Bob', email: 'bob@x.io' },
  { name: 'Cy', email: 'cy@x.io' },
]);
const [red, blue] = await Team.bulkCreate([{ title: 'Red' }, { title: 'Blue' }]);
await red.addMembers([ann, bob], { through: { role: 'admin' } });
await blue.addMember(cy);
await ann.addTeam(blue, { through: { role: 'owner' } });
await Comment.bulkCreate([
  { text: 'hi', score: 3, userId: ann.id },
  { text: 'yo', score: 5, userId: ann.id },
  { text: 'hm', score: 1, userId: bob.id },
]);
const teams = await Team.findAll({
  include: [{ model: User, as: 'members', attributes: ['name'], through: { attributes: ['role'] } }],
  order: [['title', 'ASC'], [{ model: User, as: 'members' }, 'name', 'ASC']],
});
console.log(JSON.stringify(teams, null, 2));
const admins = await User.findAll({ include: [{ model: Team, through: { where: { role: 'admin' } }, required: true }] });
console.log(admins.map((u) => u.name));
const ranked = await User.findAll({
  attributes: ['id', 'name', [sequelize.fn('COUNT', sequelize.col('comments.id')), 'commentCount']],
  include: [{ model: Comment, as: 'comments', attributes: [] }],
  group: ['User.id'],
  order: [[sequelize.literal('"commentCount"'), 'DESC'], ['name', 'ASC']],
});
console.log(ranked.map((u) => `${u.name}:${u.get('commentCount')}`));
const { count, rows } = await User.findAndCountAll({
  include: [{ model: Comment, as: 'comments', where: { score: { [Op.gte]: 1 } } }],
  distinct: true,
  limit: 1,
  offset: 0,
});
console.log(count, rows.map((u) => u.name));
const top = await Comment.findOne({ order: [['score', 'DESC']], include: [{ model: User, as: 'author', attributes: ['name'] }] });
console.log(top.text, top.author.name);
console.log(await ann.countTeams(), (await ann.getTeams({ joinTableAttributes: ['role'] })).map((t) => [t.title, t.Membership.role]));
await ann.setTeams([red]);
console.log((await Membership.findAll({ where: { userId: ann.id } })).map((m) => m.teamId));
const results = await Promise.all([ann, bob, cy].map((u) => u.countComments()));
console.log(results);

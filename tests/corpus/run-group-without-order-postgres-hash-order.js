// GROUP BY without ORDER BY: PostgreSQL answers a hashed aggregate in its hash table's
// order, a sorted one (a few estimated rows) in key order; the other databases sort.
const Task = sequelize.define('Task', {
  title: DataTypes.STRING,
  status: DataTypes.STRING,
  done: { type: DataTypes.BOOLEAN, defaultValue: false },
  points: DataTypes.INTEGER,
});
const Owner = sequelize.define('Owner', { name: DataTypes.STRING(50), team: DataTypes.TEXT });
Owner.hasMany(Task);
Task.belongsTo(Owner);
const User = sequelize.define('User', { name: DataTypes.STRING });
const Post = sequelize.define('Post', { title: DataTypes.STRING, likes: DataTypes.INTEGER }, { paranoid: true });
User.hasMany(Post);
Post.belongsTo(User);
await sequelize.sync({ force: true });
await Owner.bulkCreate([{ name: 'Ann', team: 'red' }, { name: 'Bob', team: 'blue' }, { name: 'Cy', team: 'red' }, { name: 'Di', team: 'green' }]);
const statuses = ['open', 'done', 'blocked', 'review', 'open', 'done', 'archived'];
await Task.bulkCreate(statuses.map((status, i) => ({ title: `T${i}`, status, done: status === 'done', points: (i % 3) + 1, OwnerId: (i % 4) + 1 })));
console.log(await Task.count({ group: ['OwnerId'] }));
console.log(await Task.count({ group: ['status'] }));
console.log(await Task.count({ group: 'done' }));
console.log(await Task.count({ where: { done: false }, group: ['status'] }));
console.log(await Task.count({ where: { points: { [Op.gt]: 1 } }, group: ['OwnerId'] }));
console.log(await Task.count({ where: { OwnerId: [1, 2] }, group: ['status'] }));
console.log(await Task.count({ group: ['status', 'OwnerId'] }));
const sums = await Task.findAll({ attributes: ['OwnerId', [sequelize.fn('SUM', sequelize.col('points')), 'total']], group: ['OwnerId'], raw: true });
console.log(sums);
const teams = await Owner.findAll({ attributes: ['team', [sequelize.fn('COUNT', sequelize.col('id')), 'n']], group: ['team'], raw: true });
console.log(teams);
const byPoints = await Task.findAll({ attributes: ['points', [sequelize.fn('COUNT', '*'), 'n']], group: ['points'], having: sequelize.where(sequelize.fn('COUNT', '*'), '>', 1), raw: true });
console.log(byPoints);
console.log(await Task.count({ where: { status: { [Op.ne]: 'open' } }, group: ['points'] }));
await User.bulkCreate(['Ann', 'Bob', 'Cy', 'Di', 'Ed'].map((name) => ({ name })));
const posts = [];
for (let i = 0; i < 300; i++) posts.push({ title: `P${i}`, likes: i % 7, UserId: ((i * 7) % 5) + 1 });
await Post.bulkCreate(posts);
console.log(await Post.count({ group: ['UserId'] }));
console.log(await Post.count({ group: ['likes'], paranoid: false }));
const counts = await User.findAll({
  attributes: ['id', 'name', [sequelize.fn('COUNT', sequelize.col('Posts.id')), 'postCount']],
  include: [{ model: Post, attributes: [] }],
  group: ['User.id'],
  raw: true,
});
console.log(counts);

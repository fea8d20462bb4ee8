const { Sequelize } = require('sequelize');
const User = sequelize.define('user', { username: DataTypes.STRING });
const Post = sequelize.define('post', { title: DataTypes.STRING, likes: DataTypes.INTEGER });
const Tag = sequelize.define('tag', { name: DataTypes.STRING });
User.hasMany(Post);
Post.belongsTo(User);
Post.belongsToMany(Tag, { through: 'PostTags' });
Tag.belongsToMany(Post, { through: 'PostTags' });
await sequelize.sync({ force: true });
const ann = await User.create({ username: 'ann' });
const bob = await User.create({ username: 'bob' });
await User.create({ username: 'cy' });
const p1 = await Post.create({ title: 'Hello', likes: 4, userId: ann.id });
const p2 = await Post.create({ title: 'Again', likes: 10, userId: ann.id });
await Post.create({ title: 'Mine', likes: 1, userId: bob.id });
const [js, sql] = await Tag.bulkCreate([{ name: 'js' }, { name: 'sql' }]);
await p1.addTags([js, sql]);
await p2.addTag(js);
const users = await User.findAll({
  attributes: ['id', 'username', [Sequelize.fn('COUNT', Sequelize.col('posts.id')), 'postCount'], [Sequelize.fn('SUM', Sequelize.col('posts.likes')), 'totalLikes']],
  include: [{ model: Post, attributes: [] }],
  group: ['user.id'],
  order: [['id', 'ASC']],
});
console.log(users.map((u) => u.toJSON()));
const popular = await Tag.findAll({
  attributes: ['name', [sequelize.fn('COUNT', sequelize.col('posts.id')), 'uses']],
  include: [{ model: Post, attributes: [], through: { attributes: [] } }],
  group: ['tag.id'],
  order: [[sequelize.literal('uses'), 'DESC']],
  raw: true,
});
console.log(popular);
const busiest = await Post.findAll({
  attributes: ['userId', [sequelize.fn('MAX', sequelize.col('likes')), 'best']],
  where: { likes: { [Op.gt]: 0 } },
  group: ['userId'],
  having: sequelize.where(sequelize.fn('COUNT', sequelize.col('id')), { [Op.gte]: 2 }),
  raw: true,
});
console.log(busiest);
const named = await Post.findAll({
  include: [{ model: User, where: sequelize.where(sequelize.fn('upper', sequelize.col('user.username')), 'ANN') }],
  order: [['id', 'ASC']],
});
console.log(named.map((p) => `${p.title} by ${p.user.username}`));

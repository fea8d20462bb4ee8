const { Sequelize, DataTypes, Op } = require('sequelize');
const sequelize = new Sequelize('sqlite::memory:');
const User = sequelize.define('User', { username: DataTypes.STRING, email: DataTypes.STRING, password: DataTypes.STRING });
const Post = sequelize.define('Post', { title: DataTypes.STRING, body: DataTypes.TEXT, views: DataTypes.INTEGER });
const Tag = sequelize.define('Tag', { name: DataTypes.STRING });
User.hasMany(Post, { foreignKey: 'authorId', as: 'posts' });
Post.belongsTo(User, { foreignKey: 'authorId', as: 'author' });
Post.belongsToMany(Tag, { through: 'PostTags' });
Tag.belongsToMany(Post, { through: 'PostTags' });
(async () => {
  await sequelize.sync({ alter: true });
  const u = await User.create({ username: 'ann', email: 'a@x.io', password: 'secret' });
  const u2 = await User.create({ username: 'bob', email: 'b@x.io', password: 'pw' });
  const p = await Post.create({ title: 'Hello', body: 'b', views: 3, authorId: u.id });
  const p2 = await Post.create({ title: 'World', body: 'c', views: 10, authorId: u.id });
  const t = await Tag.bulkCreate([{ name: 'js' }, { name: 'db' }]);
  await p.addTags(t);
  await p2.addTag(t[0]);
  const users = await User.findAll({
    attributes: { exclude: ['password'], include: [[sequelize.fn('COUNT', sequelize.col('posts.id')), 'postCount']] },
    include: [{ model: Post, as: 'posts', attributes: [] }],
    group: ['User.id'],
  });
  console.log(JSON.stringify(users, null, 2));
  const tags = await Tag.findAll({ include: [{ model: Post, where: { views: { [Op.gt]: 5 } } }] });
  console.log(tags.map(t => t.get({ plain: true })));
  const { count, rows } = await Post.findAndCountAll({ include: [{ model: Tag }], distinct: true, limit: 1, order: [['id', 'ASC']] });
  console.log(count, rows.length);
  const popular = await Post.findAll({ where: { title: { [Op.substring]: 'o' } }, order: [[{ model: User, as: 'author' }, 'username', 'DESC'], ['views', 'DESC']], include: ['author'] });
  console.log(popular.map(p => `${p.title} by ${p.author.username}`));
  const byDay = await Post.findAll({ attributes: [[sequelize.fn('date', sequelize.col('createdAt')), 'day'], [sequelize.fn('sum', sequelize.col('views')), 'total']], group: [sequelize.fn('date', sequelize.col('createdAt'))], raw: true });
  console.log(byDay.length);
  console.log(await p.countTags(), await p.hasTag(t[1]), await u2.countPosts());
})();

const User = sequelize.define('user', { username: DataTypes.STRING, email: DataTypes.STRING });
const Post = sequelize.define('post', { title: DataTypes.STRING, published: { type: DataTypes.BOOLEAN, defaultValue: false } });
User.hasMany(Post, { as: 'posts', foreignKey: 'authorId' });
Post.belongsTo(User, { as: 'author', foreignKey: 'authorId' });
await sequelize.sync({ force: true });
const names = ['ana', 'ben', 'cy', 'dee'];
for (const [i, n] of names.entries()) {
  const u = await User.create({ username: n, email: `${n}@example.com` });
  for (let k = 0; k <= i; k++) await Post.create({ title: `${n} post ${k}`, authorId: u.id, published: k % 2 === 0 });
}
const page = await User.findAndCountAll({
  include: [{ model: Post, as: 'posts', where: { published: true } }],
  distinct: true,
  limit: 2,
  offset: 1,
  order: [['username', 'ASC'], [{ model: Post, as: 'posts' }, 'id', 'ASC']],
});
console.log(page.count, page.rows.length);
console.log(page.rows.map((u) => `${u.username}: ${u.posts.map((p) => p.title).join(', ')}`));
const users = await User.findAll({
  attributes: { include: [[sequelize.fn('COUNT', sequelize.col('posts.id')), 'postCount']], exclude: ['email'] },
  include: [{ model: Post, as: 'posts', attributes: [] }],
  group: ['user.id'],
  order: [[sequelize.col('postCount'), 'DESC']],
});
console.log(JSON.stringify(users));

const User = sequelize.define('User', { name: DataTypes.STRING });
const Post = sequelize.define('Post', { title: DataTypes.STRING });
User.hasMany(Post);
Post.belongsTo(User);
await sequelize.sync({ force: true });
await User.bulkCreate([{ name: 'a' }, { name: 'b' }]);
await Post.bulkCreate([{ title: 'x', UserId: 1 }, { title: 'y', UserId: 1 }]);
const flat = await User.findAll({
  attributes: { include: [[sequelize.fn('COUNT', sequelize.col('Posts.id')), 'postCount']] },
  include: [{ model: Post, attributes: [] }],
  group: ['User.id'],
  order: [['id', 'ASC']],
  limit: 10,
  subQuery: false,
});
console.log(flat.map((u) => [u.name, u.get('postCount')]));
try {
  await User.findAll({
    attributes: { include: [[sequelize.fn('COUNT', sequelize.col('Posts.id')), 'postCount']] },
    include: [{ model: Post, attributes: [] }],
    group: ['User.id'],
    limit: 10,
  });
} catch (e) {
  console.log(e.name, e.message);
}

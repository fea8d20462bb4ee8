// Users with post counts: the famous attributes + fn + include attributes [] + group pattern.
const User = sequelize.define('user', { username: DataTypes.STRING, active: { type: DataTypes.BOOLEAN, defaultValue: true } });
const Post = sequelize.define('post', { title: DataTypes.STRING, views: DataTypes.INTEGER });
User.hasMany(Post);
Post.belongsTo(User);
await sequelize.sync({ force: true });
const [u1, u2, u3] = await User.bulkCreate([{ username: 'a' }, { username: 'b' }, { username: 'c', active: false }]);
await Post.bulkCreate([
  { title: 'x', views: 10, userId: u1.id },
  { title: 'y', views: 5, userId: u1.id },
  { title: 'z', views: 7, userId: u2.id },
]);
const users = await User.findAll({
  attributes: {
    include: [[sequelize.fn('COUNT', sequelize.col('posts.id')), 'postCount']],
  },
  include: [{ model: Post, attributes: [] }],
  group: ['user.id'],
  order: [['id', 'ASC']],
});
console.log(users.map((u) => [u.username, u.get('postCount')]));
console.log(JSON.stringify(users));
const top = await Post.findAll({
  attributes: ['userId', [sequelize.fn('SUM', sequelize.col('views')), 'totalViews']],
  group: ['userId'],
  raw: true,
  order: [[sequelize.literal('"totalViews"'), 'DESC']],
});
console.log(top);
const max = await Post.max('views');
const min = await Post.min('views', { where: { userId: u1.id } });
const sum = await Post.sum('views');
console.log(max, min, sum);
const built = User.build({ username: 'd' });
console.log(built.isNewRecord, built.id, built.active);
await built.save();
console.log(built.isNewRecord, built.id);
built.set({ username: 'dd', active: false });
console.log(built.changed());
await built.save({ fields: ['username'] });
await built.reload();
console.log(built.username, built.active);
const inactive = await User.findAll({ where: { active: false }, attributes: ['username'] });
console.log(inactive.map((u) => u.username));
const postsOfA = await u1.getPosts({ attributes: ['title'], where: { views: { [Op.gt]: 6 } } });
console.log(postsOfA.map((p) => p.toJSON()));
console.log(await u3.countPosts(), await u1.hasPost(1), await u2.hasPost(1));

const User = sequelize.define('user', { name: DataTypes.STRING });
const Post = sequelize.define('post', { title: DataTypes.STRING, views: DataTypes.INTEGER, rating: DataTypes.FLOAT, at: DataTypes.DATE });
User.hasMany(Post);
Post.belongsTo(User);
await sequelize.sync({ force: true });
await User.bulkCreate([{ name: 'ann' }, { name: 'bob' }]);
await Post.bulkCreate([
  { title: 'a', views: 3, rating: 4.5, at: new Date('2024-01-02T00:00:00Z'), userId: 1 },
  { title: 'b', views: 10, rating: 3, at: new Date('2024-02-03T00:00:00Z'), userId: 1 },
  { title: 'c', views: 1, rating: null, at: new Date('2024-03-04T00:00:00Z'), userId: 2 },
]);
console.log(await Post.sum('views'), await Post.sum('views', { where: { userId: 1 } }), await Post.sum('rating'));
console.log(await Post.max('views'), await Post.min('title'), await Post.max('at'));
console.log(await Post.max('views', { where: { userId: 3 } }));
console.log(await Post.aggregate('views', 'avg', { plain: true }));
const posts = await Post.findAll({ include: [{ model: User, attributes: ['id', [sequelize.fn('upper', sequelize.col('user.name')), 'shout']] }], order: [['id', 'ASC']] });
console.log(posts.map((p) => p.user.get('shout')));
const [affected] = await Post.increment({ views: 2 }, { where: { userId: 1 } });
console.log((await Post.findAll({ order: [['id', 'ASC']] })).map((p) => p.views));
await Post.decrement('views', { by: 1, where: { id: 3 } });
console.log((await Post.findByPk(3)).views);

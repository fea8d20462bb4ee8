// Post counts through a literal subquery, ordered by it; Sequelize's error classes.
const { ValidationError, UniqueConstraintError, DatabaseError, ForeignKeyConstraintError } = require('sequelize');
const User = sequelize.define('user', { name: { type: DataTypes.STRING, unique: true } });
const Post = sequelize.define('post', { title: DataTypes.STRING, likes: DataTypes.INTEGER });
User.hasMany(Post);
Post.belongsTo(User);
await sequelize.sync({ force: true });
await User.bulkCreate([{ name: 'ann' }, { name: 'bob' }, { name: 'cy' }]);
await Post.bulkCreate([
  { title: 'a', likes: 3, userId: 2 }, { title: 'b', likes: 12, userId: 2 }, { title: 'c', likes: 1, userId: 1 },
  { title: 'd', likes: 9, userId: 2 }, { title: 'e', likes: 2, userId: 3 }, { title: 'f', likes: 2, userId: 3 },
]);
const ranked = await User.findAll({
  attributes: {
    include: [[sequelize.literal('(SELECT COUNT(*) FROM posts WHERE posts."userId" = "user".id)'), 'postCount']],
  },
  order: [[sequelize.literal('"postCount"'), 'DESC'], ['name', 'ASC']],
});
console.log(ranked.map((u) => `${u.name}=${u.get('postCount')}`));
const likes = await Post.findAll({
  attributes: ['userId', [sequelize.fn('SUM', sequelize.col('likes')), 'total'], [sequelize.fn('AVG', sequelize.col('likes')), 'mean']],
  group: ['userId'],
  order: [[sequelize.fn('SUM', sequelize.col('likes')), 'DESC']],
  raw: true,
});
console.log(likes);
const byMean = await Post.findAll({
  attributes: ['userId', [sequelize.fn('AVG', sequelize.col('likes')), 'mean']],
  group: ['userId'],
  order: [[sequelize.col('mean'), 'ASC']],
  raw: true,
});
console.log(byMean.map((r) => r.userId));
console.log(await Post.sum('likes', { where: { userId: 2 } }), await Post.sum('likes', { group: 'userId', where: { userId: 3 } }), await Post.sum('likes', { group: ['userId'], where: { userId: 1 } }));
try {
  await User.create({ name: 'ann' });
} catch (err) {
  console.log(err instanceof UniqueConstraintError, err instanceof ValidationError, err instanceof DatabaseError, err instanceof Error);
}
try {
  await Post.create({ title: 'x', userId: 99 });
} catch (err) {
  console.log(err instanceof ForeignKeyConstraintError, err instanceof DatabaseError, err instanceof ValidationError, err.name);
}
try {
  await User.findAll({ where: { nope: 1 } });
} catch (err) {
  if (err instanceof Sequelize.DatabaseError) console.log('database error:', err.message);
  else console.log('other', err.name);
}
const e = new ValidationError('custom problem');
console.log(e.name, e.message, e instanceof Sequelize.BaseError, Sequelize.Error === Sequelize.BaseError);

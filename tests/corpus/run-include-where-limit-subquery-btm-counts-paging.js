const User = sequelize.define('user', { name: DataTypes.STRING });
const Post = sequelize.define('post', { title: DataTypes.STRING, views: DataTypes.INTEGER });
const Tag = sequelize.define('tag', { label: DataTypes.STRING });
User.hasMany(Post);
Post.belongsTo(User);
Post.belongsToMany(Tag, { through: 'post_tags' });
Tag.belongsToMany(Post, { through: 'post_tags' });
await sequelize.sync({ force: true });
const [ann, bob] = await User.bulkCreate([{ name: 'ann' }, { name: 'bob' }]);
const posts = await Post.bulkCreate([
  { title: 'p1', views: 10, userId: ann.id },
  { title: 'p2', views: 50, userId: ann.id },
  { title: 'p3', views: 30, userId: bob.id },
  { title: 'p4', views: 5, userId: bob.id },
]);
const [js, sql] = await Tag.bulkCreate([{ label: 'js' }, { label: 'sql' }]);
await posts[0].addTags([js, sql]);
await posts[1].addTag(js);
await posts[2].addTag(sql);
const popular = await User.findAll({
  include: [{ model: Post, where: { views: { [Op.gte]: 10 } } }],
  limit: 1,
  order: [['name', 'ASC']],
});
console.log(popular.map((u) => [u.name, u.posts.map((p) => p.title)]));
const flat = await User.findAll({
  include: [{ model: Post, where: { views: { [Op.gte]: 10 } } }],
  limit: 2,
  subQuery: false,
  order: [['id', 'ASC'], [Post, 'id', 'ASC']],
});
console.log(flat.map((u) => [u.name, u.posts.map((p) => p.title)]));
const tagged = await Post.findAll({
  include: [{ model: Tag, where: { label: 'js' }, through: { attributes: [] } }, { model: User, attributes: ['name'] }],
  order: [['views', 'DESC']],
});
console.log(JSON.stringify(tagged, null, 2));
const counted = await Tag.findAll({
  attributes: ['label', [sequelize.fn('COUNT', sequelize.col('posts.id')), 'postCount']],
  include: [{ model: Post, attributes: [], through: { attributes: [] } }],
  group: ['tag.id'],
  order: [['label', 'ASC']],
});
console.log(counted.map((t) => t.get({ plain: true })));
const { count, rows } = await Post.findAndCountAll({ include: [{ model: Tag }], limit: 2, distinct: true, order: [['id', 'ASC']] });
console.log(count, rows.map((p) => [p.title, p.tags.length]));

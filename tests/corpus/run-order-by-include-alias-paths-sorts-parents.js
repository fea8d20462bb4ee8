const User = sequelize.define('user', { name: DataTypes.STRING });
const Post = sequelize.define('post', { title: DataTypes.STRING });
const Comment = sequelize.define('comment', { body: DataTypes.STRING, likes: DataTypes.INTEGER });
User.hasMany(Post, { as: 'posts' });
Post.belongsTo(User, { as: 'author', foreignKey: 'userId' });
Post.hasMany(Comment, { as: 'comments' });
Comment.belongsTo(Post);
await sequelize.sync({ force: true });
const zed = await User.create({ name: 'zed' });
const amy = await User.create({ name: 'Amy' });
const p1 = await Post.create({ title: 'b-post', userId: zed.id });
const p2 = await Post.create({ title: 'a-post', userId: zed.id });
const p3 = await Post.create({ title: 'c-post', userId: amy.id });
await Comment.bulkCreate([
  { body: 'x', likes: 3, postId: p1.id },
  { body: 'y', likes: 9, postId: p1.id },
  { body: 'z', likes: 1, postId: p2.id },
]);
const users = await User.findAll({
  include: [{ model: Post, as: 'posts', include: [{ model: Comment, as: 'comments' }] }],
  order: [
    [sequelize.fn('lower', sequelize.col('user.name')), 'ASC'],
    [{ model: Post, as: 'posts' }, 'title', 'ASC'],
    [{ model: Post, as: 'posts' }, { model: Comment, as: 'comments' }, 'likes', 'DESC'],
  ],
});
console.log(JSON.stringify(users.map((u) => [u.name, u.posts.map((p) => [p.title, p.comments.map((c) => c.likes)])])));
const byAlias = await User.findAll({ include: [{ model: Post, as: 'posts' }], order: [['posts', 'title', 'DESC']] });
console.log(byAlias.map((u) => [u.name, u.posts.map((p) => p.title)]));
const posts = await Post.findAll({ include: [{ model: User, as: 'author' }], order: [['author', 'name', 'ASC'], ['title', 'ASC']] });
console.log(posts.map((p) => `${p.author.name}/${p.title}`));
const top = await Comment.findOne({ order: [['likes', 'DESC']], include: [{ model: Post, include: [{ model: User, as: 'author' }] }] });
console.log(top.body, top.post.title, top.post.author.name);
const ordered = await Post.findAll({ order: sequelize.literal('title DESC') });
console.log(ordered.map((p) => p.title));
const limited = await User.findAll({ include: [{ model: Post, as: 'posts' }], order: [['posts', 'title', 'DESC']], limit: 1 });
console.log(limited.map((u) => [u.name, u.posts.map((p) => p.title)]));
const both = await User.findAll({ include: [{ model: Post, as: 'posts' }], order: [['name', 'DESC'], ['posts', 'title', 'ASC']], limit: 2, offset: 0 });
console.log(both.map((u) => [u.name, u.posts.map((p) => p.title)]));

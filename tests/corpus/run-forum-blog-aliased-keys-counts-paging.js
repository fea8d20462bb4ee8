// A forum answer's blog: aliased keys, comments by users, counts per user with an empty
// include's attributes, paging with LIKE, update and previous, a user's getters.
const { Sequelize, DataTypes, Op } = require('sequelize');
const sequelize = new Sequelize('sqlite::memory:', { logging: false, define: { timestamps: false } });
const User = sequelize.define('user', {
  username: { type: DataTypes.STRING, allowNull: false, unique: true },
  email: DataTypes.STRING,
});
const Post = sequelize.define('post', {
  title: DataTypes.STRING,
  body: DataTypes.TEXT,
  published: { type: DataTypes.BOOLEAN, defaultValue: false },
});
const Comment = sequelize.define('comment', { text: DataTypes.STRING });
User.hasMany(Post, { foreignKey: 'authorId', as: 'posts' });
Post.belongsTo(User, { foreignKey: 'authorId', as: 'author' });
Post.hasMany(Comment);
Comment.belongsTo(Post);
User.hasMany(Comment);
Comment.belongsTo(User);
await sequelize.sync({ force: true });
const [alice, bob] = await User.bulkCreate([{ username: 'alice' }, { username: 'bob' }]);
const p = await alice.createPost({ title: 'Hello', body: '...', published: true });
await alice.createPost({ title: 'Draft' });
await Comment.create({ text: 'Nice', postId: p.id, userId: bob.id });
await Comment.create({ text: 'Thanks', postId: p.id, userId: alice.id });
const posts = await Post.findAll({
  where: { published: true },
  include: [
    { model: User, as: 'author', attributes: ['username'] },
    { model: Comment, include: [{ model: User, attributes: ['username'] }] },
  ],
  order: [[Comment, 'id', 'ASC']],
});
console.log(JSON.stringify(posts, null, 2));
const counts = await User.findAll({
  attributes: { include: [[sequelize.fn('COUNT', sequelize.col('posts.id')), 'postCount']] },
  include: [{ model: Post, as: 'posts', attributes: [] }],
  group: ['user.id'],
  order: [['id', 'ASC']],
});
console.log(counts.map((u) => u.toJSON()));
const page = await Post.findAndCountAll({ where: { title: { [Op.like]: '%ell%' } }, limit: 10, offset: 0 });
console.log(page.count, page.rows.map((r) => r.title));
await p.update({ title: 'Hello again' });
console.log(p.previous('title'), p.title, p.changed());
const bobPosts = await bob.getPosts();
console.log(bobPosts.length, await bob.countComments(), await alice.countPosts({ where: { published: false } }));
const withAuthor = await Comment.findOne({ where: { text: 'Nice' }, include: [{ model: Post, include: ['author'] }] });
console.log(withAuthor.post.author.username, withAuthor.get('post').get('title'));

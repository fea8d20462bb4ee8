const User = sequelize.define('user', { name: DataTypes.STRING });
const Post = sequelize.define('post', { title: DataTypes.STRING });
const Comment = sequelize.define('comment', { body: DataTypes.STRING, stars: DataTypes.INTEGER });
User.hasMany(Post);
Post.belongsTo(User);
Post.hasMany(Comment);
Comment.belongsTo(Post);
User.hasMany(Comment, { as: 'authored', foreignKey: 'authorId' });
Comment.belongsTo(User, { as: 'author', foreignKey: 'authorId' });
await sequelize.sync({ force: true });
const [ann, bob] = await User.bulkCreate([{ name: 'Ann' }, { name: 'Bob' }]);
const [p1, p2, p3] = await Post.bulkCreate([
  { title: 'One', userId: ann.id },
  { title: 'Two', userId: ann.id },
  { title: 'Three', userId: bob.id },
]);
await Comment.bulkCreate([
  { body: 'nice', stars: 5, postId: p1.id, authorId: bob.id },
  { body: 'meh', stars: 2, postId: p1.id, authorId: ann.id },
  { body: 'good', stars: 4, postId: p3.id, authorId: ann.id },
]);
const feed = await User.findAll({
  include: [{
    model: Post,
    include: [{ model: Comment, include: [{ model: User, as: 'author', attributes: ['name'] }] }],
  }],
  order: [['id', 'ASC'], [Post, 'id', 'ASC'], [Post, Comment, 'stars', 'DESC']],
});
console.log(JSON.stringify(feed.map((u) => ({ name: u.name, posts: u.posts.map((p) => ({ t: p.title, c: p.comments.map((c) => `${c.body}/${c.author.name}`) })) }))));
const starred = await Post.findAll({
  include: [{ model: Comment, where: { stars: { [Op.gte]: 4 } }, required: true }],
  order: [['id', 'ASC']],
});
console.log(starred.map((p) => [p.title, p.comments.length]));
const limited = await User.findAll({ include: [{ model: Post, include: [Comment] }], limit: 1, order: [['name', 'DESC']] });
console.log(limited.map((u) => [u.name, u.posts.length]));
const authored = await ann.getAuthored({ include: [{ model: Post, attributes: ['title'] }], order: [['id', 'ASC']] });
console.log(authored.map((c) => `${c.body} on ${c.post.title}`));
const counted = await Post.count({ include: [{ model: Comment, where: { stars: { [Op.lt]: 5 } } }] });
console.log(counted);

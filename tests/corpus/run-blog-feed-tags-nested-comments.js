// A blog with tags and nested comments: the eager loading people ask about.
const User = sequelize.define('user', { name: DataTypes.STRING });
const Post = sequelize.define('post', { title: DataTypes.STRING, published: DataTypes.BOOLEAN });
const Comment = sequelize.define('comment', { body: DataTypes.STRING });
const Tag = sequelize.define('tag', { label: DataTypes.STRING }, { timestamps: false });
const PostTag = sequelize.define('post_tag', {}, { timestamps: false });
User.hasMany(Post, { as: 'posts', foreignKey: 'authorId' });
Post.belongsTo(User, { as: 'author', foreignKey: 'authorId' });
Post.hasMany(Comment);
Comment.belongsTo(Post);
Comment.belongsTo(User, { as: 'commenter', foreignKey: 'commenterId' });
Post.belongsToMany(Tag, { through: PostTag });
Tag.belongsToMany(Post, { through: PostTag });
await sequelize.sync({ force: true });
const [ann, ben] = await User.bulkCreate([{ name: 'Ann' }, { name: 'Ben' }]);
const p1 = await Post.create({ title: 'First', published: true, authorId: ann.id });
const p2 = await Post.create({ title: 'Second', published: false, authorId: ann.id });
const p3 = await Post.create({ title: 'Third', published: true, authorId: ben.id });
const tags = await Tag.bulkCreate([{ label: 'js' }, { label: 'sql' }, { label: 'orm' }]);
await p1.setTags([tags[0], tags[2]]);
await p3.addTags([tags[1], tags[2]]);
await Comment.bulkCreate([
  { body: 'Nice', postId: p1.id, commenterId: ben.id },
  { body: 'Thanks', postId: p1.id, commenterId: ann.id },
  { body: 'Hmm', postId: p3.id, commenterId: ann.id },
]);
const feed = await Post.findAll({
  where: { published: true },
  include: [
    { model: User, as: 'author', attributes: ['name'] },
    { model: Tag, attributes: ['label'], through: { attributes: [] } },
    { model: Comment, include: [{ model: User, as: 'commenter', attributes: ['name'] }] },
  ],
  order: [['id', 'ASC'], [Comment, 'id', 'ASC'], [Tag, 'label', 'ASC']],
});
for (const post of feed) {
  console.log(`${post.title} by ${post.author.name} [${post.tags.map((t) => t.label).join(', ')}]`);
  post.comments.forEach((c) => console.log(`  - ${c.commenter.name}: ${c.body}`));
}
const ormPosts = await Tag.findOne({ where: { label: 'orm' }, include: { model: Post, attributes: ['title'], through: { attributes: [] } } });
console.log(ormPosts.posts.map((p) => p.title));
const authors = await User.findAll({
  include: [{ model: Post, as: 'posts', where: { published: true }, required: false, include: [Tag] }],
  order: [['name', 'DESC']],
});
console.log(JSON.stringify(authors.map((a) => ({ name: a.name, posts: a.posts.map((p) => ({ title: p.title, tags: p.tags.length })) }))));
const counted = await Post.findAll({
  attributes: ['id', 'title', [sequelize.fn('COUNT', sequelize.col('comments.id')), 'commentCount']],
  include: [{ model: Comment, attributes: [] }],
  group: ['post.id'],
  order: [['id', 'ASC']],
});
console.log(counted.map((p) => `${p.title}:${p.get('commentCount')}`));
const firstTwo = await Post.findAll({ include: [{ model: Comment }], limit: 2, order: [['id', 'DESC']] });
console.log(firstTwo.map((p) => `${p.title}/${p.comments.length}`));

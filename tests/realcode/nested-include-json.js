const { Sequelize, DataTypes } = require('sequelize');
const sequelize = new Sequelize('sqlite::memory:');

const Blog = sequelize.define('Blog', { title: DataTypes.STRING });
const Post = sequelize.define('Post', { subject: DataTypes.STRING });
const Comment = sequelize.define('Comment', { body: DataTypes.TEXT });

Blog.hasMany(Post);
Post.belongsTo(Blog);
Post.hasMany(Comment);
Comment.belongsTo(Post);

(async () => {
  await sequelize.sync({ force: true });
  const blog = await Blog.create({ title: 'Notes' });
  const post = await blog.createPost({ subject: 'First' });
  await post.createComment({ body: 'Nice' });
  const blogs = await Blog.findAll({
    attributes: ['id', 'title'],
    include: [{ model: Post, attributes: ['id', 'subject'], include: [{ model: Comment, attributes: ['id', 'body'] }] }],
  });
  console.log(JSON.stringify(blogs, null, 2));
})();

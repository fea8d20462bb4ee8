const { Sequelize, DataTypes } = require('sequelize');
const sequelize = new Sequelize('sqlite::memory:');

const Post = sequelize.define('Post', { title: DataTypes.STRING });
const Tag = sequelize.define('Tag', { name: { type: DataTypes.STRING, unique: true } });
const PostTag = sequelize.define('PostTag', {}, { timestamps: false });

Post.belongsToMany(Tag, { through: PostTag, as: 'tags' });
Tag.belongsToMany(Post, { through: PostTag, as: 'posts' });

(async () => {
  await sequelize.sync({ force: true });
  const post = await Post.create({ title: 'Hello' });
  const tags = await Tag.bulkCreate([{ name: 'js' }, { name: 'orm' }, { name: 'sql' }]);
  await post.setTags(tags.slice(0, 2));
  await post.setTags([tags[1], tags[2]]);
  const current = await post.getTags({ order: [['name', 'ASC']] });
  console.log(current.map(t => t.name));
  const hasJs = await post.hasTag(tags[0]);
  console.log({ hasJs });
})();

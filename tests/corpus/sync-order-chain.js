const Comment = sequelize.define('comment', { body: DataTypes.TEXT });
const Post = sequelize.define('post', { title: DataTypes.STRING });
const User = sequelize.define('user', { name: DataTypes.STRING });
const Tag = sequelize.define('tag', { name: DataTypes.STRING });
Comment.belongsTo(Post);
Post.belongsTo(User);
Comment.belongsTo(User);
Post.belongsToMany(Tag, { through: 'post_tags' });
Tag.belongsToMany(Post, { through: 'post_tags' });

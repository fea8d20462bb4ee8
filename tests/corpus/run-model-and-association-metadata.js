// Reading the models back: attributes, keys, association metadata, accessor names,
// table names and options, as tutorials print them.
const { Sequelize, DataTypes } = require('sequelize');
const sequelize = new Sequelize('sqlite::memory:', { logging: false });
const User = sequelize.define('User', {
  email: { type: DataTypes.STRING(120), allowNull: false, unique: true },
  role: { type: DataTypes.ENUM('admin', 'member'), defaultValue: 'member' },
}, { underscored: true, paranoid: true });
const Post = sequelize.define('Post', { title: DataTypes.STRING, views: { type: DataTypes.INTEGER, defaultValue: 0 } });
const Tag = sequelize.define('Tag', { label: DataTypes.STRING });
User.hasMany(Post, { as: 'posts', foreignKey: 'authorId' });
Post.belongsTo(User, { as: 'author', foreignKey: 'authorId' });
Post.belongsToMany(Tag, { through: 'PostTags' });
Tag.belongsToMany(Post, { through: 'PostTags' });
const posts = User.associations.posts;
console.log(posts.associationType, posts.foreignKey, posts.as, posts.sourceKey, posts.target.name, posts.isMultiAssociation);
console.log(Post.associations.author.associationType, Post.associations.author.targetKey, Post.associations.author.identifier);
console.log(Post.associations.Tags.through.model.name, Post.associations.Tags.otherKey, Post.associations.Tags.foreignKey);
console.log(posts.accessors);
console.log(Object.keys(User.getAttributes()), User.primaryKeyAttribute, User.primaryKeyAttributes);
console.log(User.rawAttributes.email.type.key, User.rawAttributes.email.allowNull, User.rawAttributes.role.values, User.rawAttributes.deletedAt.field);
console.log(User.tableName, User.options.paranoid, User.options.underscored, Post.options.name);
console.log(User.getTableName(), sequelize.models.PostTags.getTableName(), Object.keys(sequelize.models));
console.log(String(User.rawAttributes.email.type), Post.rawAttributes.views.defaultValue);

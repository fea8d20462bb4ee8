// Reading a model's definition back, as admin panels and answers do: its attributes
// (with the foreign keys associations add), its key, its table and its associations.
const { Sequelize, DataTypes } = require('sequelize');
const sequelize = new Sequelize('sqlite::memory:');

const User = sequelize.define('user', {
  email: { type: DataTypes.STRING, allowNull: false, unique: true },
  role: { type: DataTypes.STRING, defaultValue: 'member' },
});
const Post = sequelize.define('post', { title: DataTypes.STRING });
User.hasMany(Post, { as: 'articles', foreignKey: 'authorId' });
Post.belongsTo(User, { as: 'author', foreignKey: 'authorId' });

for (const [name, attribute] of Object.entries(Post.getAttributes())) {
  const { Model, type, ...rest } = attribute;
  console.log(name, type.key, rest, Model === Post);
}
const { Model, type, ...email } = User.rawAttributes.email;
console.log('email', type.key, email);
console.log(User.primaryKeyAttribute, User.getTableName(), Object.keys(User.associations));
console.log(User.associations.articles.foreignKey, Post.associations.author.associationType);

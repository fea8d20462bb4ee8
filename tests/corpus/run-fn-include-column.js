const User = sequelize.define('user', { name: DataTypes.STRING, age: DataTypes.INTEGER });
const Post = sequelize.define('post', { title: DataTypes.STRING });
User.hasMany(Post, { as: 'articles', foreignKey: 'authorId' });
Post.belongsTo(User, { as: 'author', foreignKey: 'authorId' });
await sequelize.sync({ force: true });
await User.bulkCreate([{ name: 'ann', age: 20 }, { name: 'bob', age: 30 }]);
await Post.bulkCreate([{ title: 'x', authorId: 1 }, { title: 'y', authorId: 2 }, { title: 'z' }]);
const posts = await Post.findAll({
  attributes: ['title', [sequelize.col('author.name'), 'authorName'], [sequelize.fn('upper', sequelize.col('author.name')), 'loud']],
  include: [{ model: User, as: 'author', attributes: [] }],
  order: [['id', 'ASC']],
});
console.log(JSON.stringify(posts));
const young = await Post.findAll({
  attributes: ['title', [sequelize.col('author.age'), 'age']],
  include: [{ model: User, as: 'author', attributes: ['name'], where: { age: { [Op.lt]: 25 } } }],
  raw: true,
});
console.log(young);

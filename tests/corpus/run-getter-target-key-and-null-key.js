const User = sequelize.define('user', { email: { type: DataTypes.STRING, unique: true } });
const Post = sequelize.define('post', { title: DataTypes.STRING });
Post.belongsTo(User, { foreignKey: 'authorEmail', targetKey: 'email' });
await sequelize.sync({ force: true });
await User.create({ email: 'a@b.c' });
const post = await Post.create({ title: 'Hi', authorEmail: 'a@b.c' });
console.log((await post.getUser()).email);
const orphan = await Post.create({ title: 'Lost' });
console.log(await orphan.getUser());

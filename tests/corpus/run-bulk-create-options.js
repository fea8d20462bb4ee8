const User = sequelize.define('user', { name: DataTypes.STRING, email: { type: DataTypes.STRING, unique: true } });
const Post = sequelize.define('post', { title: DataTypes.STRING });
User.hasMany(Post);
Post.belongsTo(User);
await sequelize.sync({ force: true });
const made = await User.bulkCreate([
  { name: 'ann', email: 'a@x', posts: [{ title: 'p1' }, { title: 'p2' }] },
  { name: 'bob', email: 'b@x', posts: [{ title: 'p3' }] },
], { include: [Post] });
console.log(made.map((u) => [u.id, u.posts.map((p) => [p.id, p.title, p.userId])]));
const ignored = await User.bulkCreate([{ name: 'dup', email: 'a@x' }, { name: 'cy', email: 'c@x' }], { ignoreDuplicates: true });
console.log(ignored.length);
await User.bulkCreate([{ name: 'ann2', email: 'a@x' }, { name: 'di', email: 'd@x' }], { updateOnDuplicate: ['name'] });
console.log((await User.findAll({ order: [['email', 'ASC']] })).map((u) => [u.name, u.email]));
console.log(await Post.count());

// count({ include, group }): the group's columns as Sequelize selects them (an included model's
// as "User"."name"), the model's primary key counted, distinct, and a col through an include.
const User = sequelize.define('User', { name: DataTypes.STRING });
const Post = sequelize.define('Post', { title: DataTypes.STRING, likes: DataTypes.INTEGER });
User.hasMany(Post);
Post.belongsTo(User);
await sequelize.sync({ force: true });
await User.bulkCreate([{ name: 'Ann' }, { name: 'Bob' }, { name: 'Cy' }]);
await Post.bulkCreate([{ title: 'a', likes: 1, UserId: 1 }, { title: 'b', likes: 2, UserId: 1 }, { title: 'c', likes: 3, UserId: 2 }]);
console.log(await Post.count({ include: User, group: ['User.name'] }));
console.log(await User.count({ include: Post, group: ['User.id'] }));
console.log(await Post.count({ include: [{ model: User, attributes: [] }], group: ['UserId'] }));
console.log(await User.count({ include: [{ model: Post, required: true }], group: ['name'], distinct: true }));
console.log(await Post.count({ include: [{ model: User, where: { name: 'Ann' } }], group: ['Post.UserId'] }));
console.log(await User.count({ include: Post, group: ['User.name'], col: 'Posts.likes' }));

const User = sequelize.define('user', { name: DataTypes.STRING, slug: DataTypes.STRING }, {
  hooks: {
    beforeCreate(user) {
      user.slug = user.name.toLowerCase();
    },
  },
});
const Post = sequelize.define('post', { title: DataTypes.STRING });
User.hasMany(Post);
User.addHook('afterCreate', (user) => {
  console.log('created', user.id, user.slug);
});
User.beforeUpdate(async (user) => {
  user.slug = user.name.toLowerCase();
});
User.afterDestroy((user) => console.log('gone', user.name));
Post.beforeValidate((post) => {
  if (!post.title) post.title = 'Untitled';
});
await sequelize.sync({ force: true });
const ann = await User.create({ name: 'Ann' });
console.log(ann.slug);
ann.name = 'Annie';
await ann.save();
console.log(ann.slug);
await ann.update({ name: 'ANN' });
console.log(ann.slug);
const post = await Post.create({ userId: ann.id });
console.log(post.title);
const built = User.build({ name: 'Bob' });
await built.save();
await built.destroy();
console.log(await User.count());

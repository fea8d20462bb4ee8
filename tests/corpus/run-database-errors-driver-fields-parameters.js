// A database's refusal as Sequelize hands it on: the error's own fields, and the driver's
// error (`parent`, also `original`) with the statement and its bind parameters.
const User = sequelize.define('user', {
  email: { type: DataTypes.STRING, unique: true },
  first: { type: DataTypes.STRING, unique: 'fullName' },
  last: { type: DataTypes.STRING, unique: 'fullName' },
}, { timestamps: false });
const Post = sequelize.define('post', { title: DataTypes.STRING }, { timestamps: false });
User.hasMany(Post, { onDelete: 'RESTRICT' });
Post.belongsTo(User);
await sequelize.sync({ force: true });

const own = (e) => JSON.stringify({ ...e, parent: typeof e.parent, original: e.original === e.parent });
const ann = await User.create({ email: 'ann@example.com', first: 'Ann', last: 'Lee' });

try {
  await User.create({ email: 'ann@example.com', first: 'Bo', last: 'Ray' });
} catch (e) {
  console.log(own(e));
  console.log(JSON.stringify(e.parent));
}
try {
  await User.create({ id: 1, email: 'x@example.com' });
} catch (e) {
  console.log(e.fields, JSON.stringify(e.parent));
}
try {
  await User.create({ email: 'cy@example.com', first: 'Ann', last: 'Lee' });
} catch (e) {
  console.log(e.message, JSON.stringify(e.fields), JSON.stringify(e.parent));
}
try {
  await User.bulkCreate([{ email: 'c@example.com' }, { email: 'c@example.com' }]);
} catch (e) {
  console.log(own(e));
}

try {
  await Post.create({ title: 'Lost', userId: 42 });
} catch (e) {
  console.log(Object.keys(e), own(e));
  console.log(JSON.stringify(e.parent));
}
try {
  await Post.bulkCreate([{ title: 'Lost too', userId: 43 }]);
} catch (e) {
  console.log(own(e));
}

const post = await Post.create({ title: 'Hello', userId: ann.id });
try {
  await ann.destroy();
} catch (e) {
  console.log(e.message, own(e));
  console.log(JSON.stringify(e.parent));
}
try {
  await post.update({ userId: 7 });
} catch (e) {
  console.log(own(e), JSON.stringify(e.parent));
}
try {
  await Post.update({ userId: 8 }, { where: { id: post.id } });
} catch (e) {
  console.log(own(e), JSON.stringify(e.parent));
}

try {
  await sequelize.query('SELECT * FROM nowhere');
} catch (e) {
  console.log(e.name, Object.keys(e), own(e));
  console.log(JSON.stringify(e.parent));
}

const User = sequelize.define('user', {
  email: { type: DataTypes.STRING, unique: true },
  name: DataTypes.STRING,
});
await sequelize.sync({ force: true });
await User.create({ email: 'a@b.c', name: 'Ann' });
console.log(JSON.stringify(await User.upsert({ id: 1, email: 'a@b.c', name: 'Ann B' })));
console.log(JSON.stringify(await User.upsert({ id: 2, email: 'c@d.e', name: 'Cy' })));
const [user] = await User.upsert({ email: 'c@d.e', name: 'Cyd' });
console.log(user.name);
console.log((await User.findAll({ order: [['id', 'ASC']] })).map((u) => [u.id, u.email, u.name]));

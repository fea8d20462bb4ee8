const User = sequelize.define('user', {
  name: DataTypes.STRING,
  role: DataTypes.STRING,
  active: DataTypes.BOOLEAN,
}, {
  defaultScope: { where: { active: true } },
  scopes: {
    admins: { where: { role: 'admin' } },
    named(name) { return { where: { name } }; },
    newest: { order: [['id', 'DESC']], limit: 2 },
    brief: { attributes: ['id', 'name'] },
  },
});
const Task = sequelize.define('task', { title: DataTypes.STRING, done: DataTypes.BOOLEAN });
User.hasMany(Task);
Task.belongsTo(User);
Task.addScope('open', { where: { done: false } });
await sequelize.sync({ force: true });
await User.bulkCreate([
  { name: 'Ann', role: 'admin', active: true },
  { name: 'Bob', role: 'user', active: true },
  { name: 'Cy', role: 'admin', active: false },
  { name: 'Di', role: 'user', active: true },
]);
await Task.bulkCreate([{ title: 'a', done: false, userId: 1 }, { title: 'b', done: true, userId: 1 }]);
console.log((await User.findAll()).map((u) => u.name));
console.log((await User.scope('admins').findAll()).map((u) => u.name));
console.log((await User.unscoped().findAll()).map((u) => u.name));
console.log((await User.scope(null).count()));
console.log((await User.scope('defaultScope', 'admins').findAll()).map((u) => u.name));
console.log((await User.scope({ method: ['named', 'Bob'] }).findAll()).map((u) => u.name));
console.log((await User.scope('newest').findAll()).map((u) => u.name));
console.log(JSON.stringify(await User.scope('brief').findOne({ where: { name: 'Di' } })));
console.log((await User.scope('admins').findAll({ where: { active: false } })).map((u) => u.name));
console.log(await User.count());
console.log((await Task.scope('open').findAll()).map((t) => t.title));
const ann = await User.findByPk(1);
console.log(ann.name, (await ann.getTasks({ scope: 'open' })).map((t) => t.title));
console.log((await User.scope(['admins', 'brief']).findAll()).map((u) => u.toJSON()));

const User = sequelize.define('user', { name: DataTypes.STRING });
const Task = sequelize.define('task', { title: DataTypes.STRING });
User.hasMany(Task);
await sequelize.sync({ force: true });
const made = await sequelize.transaction(async (t) => {
  const ann = await User.create({ name: 'Ann' }, { transaction: t });
  await ann.createTask({ title: 'write' }, { transaction: t });
  return ann.name;
});
console.log(made);
try {
  await sequelize.transaction(async (t) => {
    await User.create({ name: 'Bob' }, { transaction: t });
    throw new Error('changed my mind');
  });
} catch (e) {
  console.log(e.message);
}
console.log(await User.count(), await Task.count());
const t = await sequelize.transaction();
try {
  await User.create({ name: 'Cy' }, { transaction: t });
  await User.update({ name: 'Ann B' }, { where: { id: 1 }, transaction: t });
  await t.rollback();
} catch (e) {
  await t.rollback();
}
console.log((await User.findAll({ order: [['id', 'ASC']] })).map((u) => u.name));
const t2 = await sequelize.transaction();
await User.create({ name: 'Di' }, { transaction: t2 });
await t2.commit();
console.log((await User.findAll({ order: [['id', 'ASC']] })).map((u) => [u.id, u.name]));

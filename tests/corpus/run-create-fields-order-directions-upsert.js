const Task = sequelize.define('task', {
  title: { type: DataTypes.STRING, allowNull: false },
  priority: { type: DataTypes.INTEGER, defaultValue: 1 },
  note: DataTypes.STRING,
  due: DataTypes.DATEONLY,
});
await sequelize.sync({ force: true });
const t1 = await Task.create({ title: 'a', priority: 3, note: 'x' }, { fields: ['title', 'priority'] });
console.log(t1.note, t1.priority);
const made = await Task.bulkCreate([{ title: 'b', due: '2024-05-01' }, { title: 'c', priority: 2, due: '2024-04-01' }], { returning: true });
console.log(made.map((t) => [t.id, t.priority, t.due]));
console.log((await Task.findAll({ attributes: ['priority'], group: 'priority', order: [['priority', 'ASC']] })).map((t) => t.priority));
console.log((await Task.findAll({ order: [['due', 'DESC NULLS LAST']] })).map((t) => t.title));
console.log((await Task.findAll({ order: sequelize.col('title') })).map((t) => t.title));
console.log((await Task.findAll({ where: { due: { [Op.lt]: '2024-04-15' } } })).map((t) => t.title));
console.log(await Task.max('due'), await Task.min('priority'));
const [row, created] = await Task.upsert({ id: 1, title: 'a2', priority: 9 });
console.log(row.title, created);
await Task.destroy({ where: { priority: { [Op.lte]: 1 } } });
console.log(await Task.count(), (await Task.findOne({ order: [['id', 'DESC']] })).title);
const t9 = await Task.create({ title: 'z', note: 'n' }, { fields: ['title'] });
console.log(t9.id, t9.title, String(t9.note));
const t10 = Task.build({ title: 'y', note: 'm' });
await t10.save({ fields: ['note', 'title'] });
console.log(t10.id, t10.note);

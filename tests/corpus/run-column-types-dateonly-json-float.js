const Note = sequelize.define('note', {
  title: { type: DataTypes.STRING, allowNull: false },
  body: DataTypes.TEXT,
  due: DataTypes.DATEONLY,
  score: DataTypes.FLOAT,
  weight: DataTypes.DOUBLE,
  meta: DataTypes.JSON,
  kind: { type: DataTypes.ENUM('todo', 'done'), defaultValue: 'todo' },
});
await sequelize.sync({ force: true });
await Note.create({ title: 'A', body: 'long text', due: '2024-03-05', score: 1.5, weight: 2.25, meta: { tags: ['x', 'y'], n: 1 } });
await Note.create({ title: 'B', due: new Date('2024-04-01T10:00:00Z'), score: 3, meta: null, kind: 'done' });
const a = await Note.findOne({ where: { title: 'A' } });
console.log(a.due, typeof a.due);
console.log(a.meta.tags.length);
console.log(JSON.stringify(a));
const all = await Note.findAll({ where: { due: { [Op.gte]: '2024-03-10' } } });
console.log(all.map((n) => n.title));
console.log(await Note.findAll({ attributes: ['title', 'kind'], order: [['score', 'DESC']], raw: true }));

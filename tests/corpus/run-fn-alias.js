const Pug = sequelize.define('pug', { name: DataTypes.STRING, age: DataTypes.INTEGER });
await sequelize.sync({ force: true });
await Pug.bulkCreate([{ name: 'Dot', age: 3 }, { name: 'Rex', age: 3 }, { name: 'Bo', age: 2 }]);
try {
  const a = await Pug.findAll({ attributes: ['age', [sequelize.fn('COUNT', sequelize.col('id')), 'n']], group: ['age'], order: [['n', 'DESC']], raw: true });
  console.log(a);
} catch (e) { console.log(e.name, e.message); }
try {
  const b = await Pug.findAll({ attributes: ['age', [sequelize.fn('COUNT', sequelize.col('id')), 'n']], group: ['age'], having: { n: { [Op.gt]: 1 } }, raw: true });
  console.log(b);
} catch (e) { console.log(e.name, e.message); }
const c = await Pug.findAll({ attributes: ['age', [sequelize.fn('COUNT', sequelize.col('id')), 'n']], group: ['age'], order: [[sequelize.col('n'), 'DESC']], raw: true });
console.log(c);
const d = await Pug.count({ group: ['age'] });
console.log(d.sort((x, y) => x.age - y.age));
console.log(sequelize.fn('COUNT', sequelize.col('id')));
const e = await Pug.findAll({ attributes: { exclude: ['createdAt', 'updatedAt'], include: [[sequelize.literal("name || '!'"), 'loud']] }, order: [['id', 'ASC']] });
console.log(JSON.stringify(e));

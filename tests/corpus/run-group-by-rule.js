const Owner = sequelize.define('owner', { name: DataTypes.STRING });
const Pug = sequelize.define('pug', { name: DataTypes.STRING, age: DataTypes.INTEGER });
Owner.hasMany(Pug);
Pug.belongsTo(Owner);
await sequelize.sync({ force: true });
await Owner.bulkCreate([{ name: 'Tom' }, { name: 'Ann' }]);
await Pug.bulkCreate([{ name: 'Dot', age: 3, ownerId: 1 }, { name: 'Rex', age: 5, ownerId: 1 }, { name: 'Bo', age: 2, ownerId: 2 }]);
const byOwner = await Pug.findAll({ attributes: ['ownerId', 'age', [sequelize.fn('COUNT', sequelize.col('id')), 'n']], group: ['ownerId', 'age'], order: [['ownerId', 'ASC'], ['age', 'ASC']], raw: true });
console.log(byOwner);
try {
  const loose = await Pug.findAll({ attributes: ['name', [sequelize.fn('COUNT', sequelize.col('id')), 'n']], group: ['ownerId'], raw: true });
  console.log(loose.length);
} catch (e) {
  console.log(e.name, e.message);
}
try {
  const ungrouped = await Pug.findAll({ attributes: ['name', [sequelize.fn('MAX', sequelize.col('age')), 'oldest']], raw: true });
  console.log(ungrouped.length);
} catch (e) {
  console.log(e.name, e.message);
}
const byPk = await Owner.findAll({ attributes: ['id', 'name', [sequelize.fn('COUNT', sequelize.col('pugs.id')), 'n']], include: [{ model: Pug, attributes: [] }], group: ['owner.id'], order: [['id', 'ASC']], raw: true });
console.log(byPk);
try {
  await Owner.findAll({ attributes: ['name', [sequelize.fn('COUNT', sequelize.col('pugs.id')), 'n']], include: [{ model: Pug, attributes: ['name'] }], group: ['owner.id'] });
} catch (e) {
  console.log(e.name, e.message);
}

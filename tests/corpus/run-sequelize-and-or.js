const Pug = sequelize.define('pug', { name: DataTypes.STRING, age: DataTypes.INTEGER });
await sequelize.sync({ force: true });
await Pug.bulkCreate([{ name: 'Dot', age: 3 }, { name: 'Rex', age: 5 }, { name: 'Bo', age: 2 }]);
const a = await Pug.findAll({ where: sequelize.or({ name: 'Dot' }, { age: { [Op.gt]: 4 } }), attributes: ['name'], order: [['id', 'ASC']] });
console.log(a.map((p) => p.name));
const b = await Pug.findAll({ where: sequelize.and({ age: { [Op.gte]: 2 } }, sequelize.where(sequelize.fn('lower', sequelize.col('name')), 'bo')), attributes: ['name'] });
console.log(b.map((p) => p.name));
const c = await Pug.findAll({ attributes: ['name'], where: { id: 1 }, order: sequelize.random() });
console.log(c.map((p) => p.name));

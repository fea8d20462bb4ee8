const Pug = sequelize.define('pug', { name: DataTypes.STRING, age: DataTypes.INTEGER, good: DataTypes.BOOLEAN });
await sequelize.sync({ force: true });
await Pug.bulkCreate([{ name: 'Cody', age: 3, good: true }, { name: 'Coco', good: false }, { name: 'Rex', age: 12 }]);
console.log(await Pug.findAll({ where: { good: { [Op.is]: true } } }));
console.log(await Pug.findAll({ where: { good: { [Op.not]: true } }, order: [['id', 'ASC']] }));
console.log(await Pug.findAll({ where: { [Op.or]: [{ age: null }, { age: { [Op.gt]: 10 } }] }, order: [['id', 'ASC']] }));
console.log(await Pug.count({ where: { [Op.or]: [{ good: false }, { age: { [Op.lt]: 5 } }] } }));
console.log(await Pug.findAll({ where: { [Op.and]: [{ age: { [Op.gte]: 3 } }, { good: true }] } }));

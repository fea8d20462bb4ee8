// Where shapes and attribute functions from answers: char_length through
// sequelize.where, upper() as an attribute, BETWEEN on dates, IS NULL, NOT, and
// instance increment, reload and the latest row.
const { Sequelize, DataTypes, Op } = require('sequelize');
const sequelize = new Sequelize('sqlite::memory:');
const Product = sequelize.define('Product', {
  name: DataTypes.STRING,
  stock: { type: DataTypes.INTEGER, defaultValue: 0 },
  discontinued: DataTypes.BOOLEAN,
  releasedAt: DataTypes.DATE,
});
await sequelize.sync();
await Product.bulkCreate([
  { name: 'Pen', stock: 5, discontinued: false, releasedAt: new Date(Date.UTC(2023, 0, 10)) },
  { name: 'Notebook', stock: 0, discontinued: true, releasedAt: new Date(Date.UTC(2023, 5, 1)) },
  { name: 'Ink', stock: 12, discontinued: null, releasedAt: null },
]);
const lengthy = await Product.findAll({
  where: sequelize.where(sequelize.fn('length', sequelize.col('name')), { [Op.gt]: 3 }),
  attributes: ['id', [sequelize.fn('upper', sequelize.col('name')), 'loud']],
  raw: true,
});
console.log(lengthy);
const early = await Product.findAll({
  where: { releasedAt: { [Op.between]: [new Date(Date.UTC(2023, 0, 1)), new Date(Date.UTC(2023, 2, 1))] } },
  attributes: ['name'],
});
console.log(early.map((p) => p.name));
console.log((await Product.findAll({ where: { releasedAt: { [Op.is]: null } } })).map((p) => p.name));
console.log((await Product.findAll({ where: { discontinued: { [Op.not]: true } } })).map((p) => p.name));
console.log((await Product.findAll({ where: { stock: { [Op.notBetween]: [1, 10] } } })).map((p) => p.name));
const pen = await Product.findOne({ where: { name: 'Pen' } });
await pen.increment('stock', { by: 3 });
console.log(pen.stock);
await pen.reload();
console.log(pen.stock);
await pen.decrement(['stock'], { by: 2 });
await pen.reload();
console.log(pen.stock);
const latest = await Product.findOne({ order: [['releasedAt', 'DESC NULLS LAST']] });
console.log(latest && latest.name);
const newest = await Product.findOne({ where: { releasedAt: { [Op.ne]: null } }, order: [['releasedAt', 'DESC']] });
console.log(newest.name);
console.log(await Product.count({ where: { [Op.or]: [{ stock: 0 }, { discontinued: true }] } }));

// Operators on one attribute from answers: Op.or and Op.and of values, Op.not null,
// NOT IN with null in the list, nested Op.not, and Op.or mixing keys and operators.
const { Sequelize, DataTypes, Op } = require('sequelize');
const sequelize = new Sequelize('sqlite::memory:', { logging: false });
const Item = sequelize.define('Item', { name: DataTypes.STRING, qty: DataTypes.INTEGER, note: DataTypes.STRING });
await sequelize.sync();
await Item.bulkCreate([
  { name: 'apple', qty: 3, note: 'red' },
  { name: 'pear', qty: 0, note: null },
  { name: 'plum', qty: 7, note: 'ripe' },
  { name: 'fig', qty: null, note: 'dry' },
]);
const names = (rows) => rows.map((r) => r.name);
const q = (where) => Item.findAll({ where, order: [['id', 'ASC']] }).then(names);
console.log(await q({ name: { [Op.or]: ['apple', 'fig'] } }));
console.log(await q({ qty: { [Op.and]: { [Op.gt]: 1, [Op.lt]: 5 } } }));
console.log(await q({ note: { [Op.not]: null } }));
console.log(await q({ qty: { [Op.notIn]: [3, null] } }));
console.log(await q({ [Op.not]: { name: 'apple', qty: 3 } }));
console.log(await q({ [Op.or]: { qty: { [Op.gte]: 7 }, note: null } }));
console.log(await q({ name: { [Op.or]: { [Op.like]: 'p%', [Op.eq]: 'fig' } } }));
console.log(await q({ qty: { [Op.or]: [{ [Op.lt]: 1 }, { [Op.gt]: 5 }] } }));
console.log(await q({ [Op.and]: [{ qty: { [Op.ne]: null } }, { [Op.or]: [{ note: 'red' }, { note: 'ripe' }] }] }));

const Product = sequelize.define('product', { name: DataTypes.STRING, price: DataTypes.INTEGER, stock: DataTypes.INTEGER });
await sequelize.sync({ force: true });
await Product.bulkCreate([
  { name: 'Apple', price: 3, stock: 10 },
  { name: 'banana', price: 1, stock: 0 },
  { name: 'Cherry', price: 8, stock: 4 },
  { name: 'date', price: 5, stock: 2 },
]);
console.log((await Product.findAll({ where: { name: { [Op.like]: '%an%' } } })).map((p) => p.name));
console.log((await Product.findAll({ where: { name: { [Op.startsWith]: 'C' } } })).map((p) => p.name));
console.log((await Product.findAll({ where: { name: { [Op.endsWith]: 'e' } } })).map((p) => p.name));
console.log((await Product.findAll({ where: { name: { [Op.substring]: 'err' } } })).map((p) => p.name));
console.log((await Product.findAll({ where: { price: { [Op.notBetween]: [2, 6] } } })).map((p) => p.name));
console.log((await Product.findAll({ where: { stock: { [Op.ne]: 0 }, price: { [Op.lte]: 5 } } })).map((p) => p.name));
console.log(await Product.max('price'), await Product.min('stock'), await Product.sum('stock', { where: { price: { [Op.gt]: 2 } } }));
console.log(await Product.count({ where: { stock: 0 } }));
const [n] = await Product.update({ stock: sequelize.literal('stock + 5') }, { where: { stock: { [Op.lt]: 3 } } });
console.log(n);
console.log(await Product.findAll({ attributes: ['name', 'stock'], order: [['name', 'ASC']], raw: true }));
await Product.destroy({ where: { name: ['Apple', 'date'] } });
console.log(await Product.count());

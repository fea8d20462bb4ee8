// Where shapes from forum answers, each run on its own so each database answers.
const Product = sequelize.define('product', {
  name: DataTypes.STRING,
  sku: DataTypes.STRING,
  price: DataTypes.DECIMAL(8, 2),
  stock: DataTypes.INTEGER,
  discontinued: { type: DataTypes.BOOLEAN, defaultValue: false },
}, { timestamps: false });
await sequelize.sync({ force: true });
await Product.bulkCreate([
  { name: 'Apple Juice', sku: 'AJ-1', price: 2.5, stock: 10 },
  { name: 'apple pie', sku: 'AP-2', price: '6.00', stock: 0, discontinued: true },
  { name: 'Banana', sku: null, price: 0.99, stock: 120 },
  { name: 'Cherry Jam', sku: 'CJ-9', price: 4.75, stock: null },
]);
async function names(label, where, extra = {}) {
  try {
    const rows = await Product.findAll({ where, attributes: ['name'], order: [['id', 'ASC']], ...extra });
    console.log(label, rows.map((r) => r.name));
  } catch (err) {
    console.log(label, 'failed:', err.message);
  }
}
await names('ids', { id: [1, 3] });
await names('not-in', { id: { [Op.notIn]: [1, 3] } });
await names('null-sku', { sku: null });
await names('not-null', { sku: { [Op.not]: null } });
await names('is-null', { stock: { [Op.is]: null } });
await names('ilike', { name: { [Op.iLike]: 'apple%' } });
await names('like-lower', sequelize.where(sequelize.fn('lower', sequelize.col('name')), 'LIKE', 'apple%'));
await names('not-like', { name: { [Op.notLike]: '%a%' } });
await names('price-range', { price: { [Op.between]: [1, 5] } });
await names('cheap-or-out', { [Op.or]: [{ price: { [Op.lt]: 1 } }, { stock: 0 }] });
await names('and-not', { [Op.and]: [{ discontinued: false }, { [Op.not]: { stock: { [Op.gt]: 50 } } }] });
await names('starts', { sku: { [Op.startsWith]: 'A' } });
await names('substring', { name: { [Op.substring]: 'an' } });
await names('stock-desc-nulls', {}, { order: [['stock', 'DESC NULLS LAST']] });
await names('gt-col', { stock: { [Op.gt]: sequelize.col('price') } });
await names('bool-true', { discontinued: true });
await names('ne', { name: { [Op.ne]: 'Banana' } });
const p = await Product.findOne({ where: { sku: 'CJ-9' } });
console.log(p.price, typeof p.price, p.stock);
console.log(await Product.max('price'), await Product.sum('stock'), await Product.count({ where: { stock: { [Op.gt]: 0 } } }));

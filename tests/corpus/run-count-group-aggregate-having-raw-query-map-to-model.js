const Product = sequelize.define('product', { name: DataTypes.STRING, category: DataTypes.STRING, price: DataTypes.INTEGER });
await sequelize.sync({ force: true });
await Product.bulkCreate([
  { name: 'pen', category: 'office', price: 2 },
  { name: 'desk', category: 'office', price: 120 },
  { name: 'apple', category: 'food', price: 1 },
  { name: 'bread', category: 'food', price: 3 },
  { name: 'lamp', category: 'home', price: 40 },
]);
console.log(await Product.count({ group: ['category'], where: { category: 'food' } }));
console.log(await Product.count({ where: { price: { [Op.gt]: 2 } }, group: 'category' }));
console.log(await Product.aggregate('price', 'avg', { plain: true }));
console.log(await Product.aggregate('price', 'max', { where: { category: 'food' } }));
console.log(await Product.findAll({ attributes: [[sequelize.fn('AVG', sequelize.col('price')), 'avgPrice']], raw: true }));
console.log(await Product.findAll({
  attributes: ['category', [sequelize.fn('SUM', sequelize.col('price')), 'total'], [sequelize.fn('MAX', sequelize.col('price')), 'top']],
  group: ['category'],
  having: sequelize.where(sequelize.fn('SUM', sequelize.col('price')), { [Op.gt]: 4 }),
  order: [['category', 'ASC']],
  raw: true,
}));
const rows = await sequelize.query('SELECT * FROM products WHERE price > :min ORDER BY price', { replacements: { min: 10 }, type: Sequelize.QueryTypes.SELECT, model: Product, mapToModel: true });
console.log(rows.map((r) => r instanceof Product), rows.map((r) => r.name));
const [results, metadata] = await sequelize.query('SELECT category, COUNT(*) AS n FROM products GROUP BY category ORDER BY category');
console.log(results);

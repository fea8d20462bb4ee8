// DECIMAL without precision next to FLOAT and DOUBLE: values kept and summed as each database does
// (PostgreSQL adds numeric exactly, MySQL's DECIMAL is DECIMAL(10,0)).
const Product = sequelize.define('Product', { name: DataTypes.STRING, price: DataTypes.DECIMAL, weight: DataTypes.FLOAT, rating: DataTypes.DOUBLE });
await sequelize.sync({ force: true });
await Product.create({ name: 'Pen', price: 9.99, weight: 0.1, rating: 4.25 });
await Product.bulkCreate([{ name: 'Ink', price: 12.5, weight: 1.75, rating: 3 }]);
const all = await Product.findAll({ order: [['id', 'ASC']], raw: true });
console.log(all.map((p) => [p.price, p.weight, p.rating]));
console.log(await Product.sum('price'), await Product.max('weight'));

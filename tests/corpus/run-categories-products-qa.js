// A Q&A-style question: list each category with its products and their count, newest first.
const Category = sequelize.define('Category', { name: { type: DataTypes.STRING, allowNull: false } }, { timestamps: false });
const Product = sequelize.define('Product', {
  name: DataTypes.STRING,
  price: DataTypes.FLOAT,
  stock: { type: DataTypes.INTEGER, defaultValue: 0 },
}, { timestamps: false, underscored: true });
Category.hasMany(Product, { foreignKey: 'category_id', as: 'products' });
Product.belongsTo(Category, { foreignKey: 'category_id', as: 'category' });
await sequelize.sync({ force: true });
const food = await Category.create({ name: 'Food' });
const toys = await Category.create({ name: 'Toys' });
await Category.create({ name: 'Empty' });
await Product.bulkCreate([
  { name: 'Apple', price: 0.5, stock: 10, category_id: food.id },
  { name: 'Bread', price: 2.25, stock: 0, category_id: food.id },
  { name: 'Ball', price: 5, stock: 3, category_id: toys.id },
]);
const list = await Category.findAll({
  attributes: { include: [[sequelize.fn('COUNT', sequelize.col('products.id')), 'productCount']] },
  include: [{ model: Product, as: 'products', attributes: [] }],
  group: ['Category.id'],
  order: [['name', 'ASC']],
});
console.log(list.map((c) => c.toJSON()));
const inStock = await Product.findAll({
  where: { stock: { [Op.gt]: 0 } },
  include: { model: Category, as: 'category', attributes: ['name'] },
  order: [['price', 'DESC']],
});
console.log(inStock.map((p) => `${p.name} (${p.category.name}) $${p.price.toFixed(2)}`));
const avg = await Product.findOne({ attributes: [[sequelize.fn('AVG', sequelize.col('price')), 'avgPrice']], raw: true });
console.log(Number(avg.avgPrice).toFixed(3));
const empty = await Category.findAll({ include: [{ model: Product, as: 'products', required: false }], where: { '$products.id$': null } });
console.log(empty.map((c) => c.name));
const totals = await Product.findAll({
  attributes: ['category_id', [sequelize.fn('SUM', sequelize.col('stock')), 'totalStock']],
  group: ['category_id'],
  order: [['category_id', 'ASC']],
  raw: true,
});
console.log(totals);
await Product.increment({ stock: 5 }, { where: { name: 'Bread' } });
const bread = await Product.findOne({ where: { name: 'Bread' } });
console.log(bread.stock, bread.category_id);
const page = await Product.findAndCountAll({ limit: 2, offset: 1, order: [['id', 'ASC']] });
console.log(page.count, page.rows.map((p) => p.name));

// An online shop: orders, items, products, a customer.
const Customer = sequelize.define('Customer', {
  name: { type: DataTypes.STRING, allowNull: false },
  email: { type: DataTypes.STRING, unique: true, validate: { isEmail: true } },
});
const Product = sequelize.define('Product', {
  title: DataTypes.STRING,
  price: { type: DataTypes.DECIMAL(10, 2), allowNull: false },
  stock: { type: DataTypes.INTEGER, defaultValue: 0 },
});
const Order = sequelize.define('Order', {
  status: { type: DataTypes.ENUM('pending', 'paid', 'shipped'), defaultValue: 'pending' },
});
const OrderItem = sequelize.define('OrderItem', {
  quantity: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 1 },
});
Customer.hasMany(Order, { foreignKey: 'customerId', as: 'orders' });
Order.belongsTo(Customer, { foreignKey: 'customerId', as: 'customer' });
Order.hasMany(OrderItem, { foreignKey: 'orderId', as: 'items' });
OrderItem.belongsTo(Order, { foreignKey: 'orderId' });
OrderItem.belongsTo(Product, { foreignKey: 'productId', as: 'product' });
Product.hasMany(OrderItem, { foreignKey: 'productId' });

await sequelize.sync({ force: true });
const alice = await Customer.create({ name: 'Alice', email: 'alice@example.com' });
const bob = await Customer.create({ name: 'Bob', email: 'bob@example.com' });
const products = await Product.bulkCreate([
  { title: 'Pen', price: 1.5, stock: 100 },
  { title: 'Notebook', price: '4.25', stock: 20 },
  { title: 'Bag', price: 30, stock: 2 },
]);
const order = await Order.create({ customerId: alice.id });
await OrderItem.bulkCreate([
  { orderId: order.id, productId: products[0].id, quantity: 3 },
  { orderId: order.id, productId: products[2].id },
]);
const second = await alice.createOrder({ status: 'paid' });
await second.createItem({ productId: 2, quantity: 5 });

const full = await Order.findAll({
  where: { customerId: alice.id },
  include: [
    { model: Customer, as: 'customer', attributes: ['name'] },
    { model: OrderItem, as: 'items', include: [{ model: Product, as: 'product', attributes: ['title', 'price'] }] },
  ],
  order: [['id', 'ASC'], [{ model: OrderItem, as: 'items' }, 'id', 'ASC']],
});
for (const o of full) {
  const total = o.items.reduce((sum, item) => sum + item.quantity * Number(item.product.price), 0);
  console.log(`Order #${o.id} (${o.status}) for ${o.customer.name}: ${total.toFixed(2)}`);
}
console.log(JSON.stringify(full[0].toJSON(), null, 2));
const low = await Product.findAll({ where: { stock: { [Op.lte]: 20 } }, order: [['stock', 'DESC']], attributes: ['id', 'title', 'stock'] });
console.log(low.map((p) => p.get({ plain: true })));
await Product.decrement('stock', { by: 3, where: { id: 1 } });
const pen = await Product.findByPk(1);
console.log(pen.stock, typeof pen.price, pen.price);
const noOrders = await Customer.findAll({ include: [{ model: Order, as: 'orders', required: false }], where: { '$orders.id$': null } });
console.log(noOrders.map((c) => c.name));
try {
  await Customer.create({ name: 'Eve', email: 'not-an-email' });
} catch (err) {
  console.log(err.name, err.message);
}
try {
  await Customer.create({ name: 'Al', email: 'alice@example.com' });
} catch (err) {
  console.log(err.name, err.errors.map((e) => e.message));
}
const count = await Order.count({ where: { status: 'paid' } });
console.log('paid orders', count);

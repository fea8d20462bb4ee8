// Columns renamed with field: (keys, foreign keys, timestamps, paranoid): reload's LIMIT 1 when the
// key's column is renamed, and the LIMIT's subquery keeping the join key under its attribute's name.
const Customer = sequelize.define('Customer', {
  customerId: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true, field: 'customer_id' },
  firstName: { type: DataTypes.STRING, field: 'first_name' },
  lastName: { type: DataTypes.STRING, field: 'last_name' },
  loyaltyPoints: { type: DataTypes.INTEGER, field: 'loyalty_points', defaultValue: 0 },
}, { tableName: 'customers', createdAt: 'created_on', updatedAt: false });
const Order = sequelize.define('Order', {
  orderId: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true, field: 'order_id' },
  totalCents: { type: DataTypes.INTEGER, field: 'total_cents' },
  placedAt: { type: DataTypes.DATE, field: 'placed_at' },
}, { tableName: 'orders', underscored: true, paranoid: true });
Customer.hasMany(Order, { foreignKey: { name: 'customerId', field: 'customer_id' }, as: 'orders' });
Order.belongsTo(Customer, { foreignKey: { name: 'customerId', field: 'customer_id' }, as: 'customer' });
await sequelize.sync({ force: true });
const c1 = await Customer.create({ firstName: 'Ann', lastName: 'Lee' });
const c2 = await Customer.create({ firstName: 'Bob', lastName: 'Ray', loyaltyPoints: 5 });
await Order.bulkCreate([
  { totalCents: 1200, placedAt: new Date('2024-01-01T00:00:00Z'), customerId: c1.customerId },
  { totalCents: 800, placedAt: new Date('2024-02-01T00:00:00Z'), customerId: c1.customerId },
  { totalCents: 300, placedAt: new Date('2024-03-01T00:00:00Z'), customerId: c2.customerId },
]);
const rich = await Customer.findAll({
  include: [{ model: Order, as: 'orders', where: { totalCents: { [Op.gte]: 500 } } }],
  order: [['lastName', 'ASC'], [{ model: Order, as: 'orders' }, 'placedAt', 'DESC']],
});
console.log(rich.map((c) => [c.firstName, c.orders.map((o) => o.totalCents)]));
const raw = await Order.findAll({ raw: true, attributes: ['orderId', 'totalCents', 'customerId'], order: [['totalCents', 'DESC']], limit: 2 });
console.log(raw);
const sums = await Order.findAll({
  attributes: ['customerId', [sequelize.fn('SUM', sequelize.col('total_cents')), 'sum']],
  group: ['customerId'],
  order: [[sequelize.literal('sum'), 'DESC']],
  raw: true,
});
console.log(sums);
await Customer.increment({ loyaltyPoints: 10 }, { where: { lastName: 'Lee' } });
await c2.increment('loyaltyPoints');
await c2.reload();
console.log(c2.loyaltyPoints, (await Customer.findByPk(c1.customerId)).loyaltyPoints);
const [c3, made] = await Customer.findOrCreate({ where: { firstName: 'Cy' }, defaults: { lastName: 'Dee' } });
console.log(made, c3.customerId, c3.lastName);
await Order.update({ totalCents: 999 }, { where: { customerId: c2.customerId } });
const o3 = await Order.findOne({ where: { customerId: c2.customerId }, include: ['customer'] });
console.log(o3.totalCents, o3.customer.firstName, o3.get('customerId'));
await o3.destroy();
console.log(await Order.count(), await Order.count({ paranoid: false }));
const withDeleted = await Order.findAll({ paranoid: false, attributes: ['orderId', 'deletedAt'], order: ['orderId'] });
console.log(withDeleted.map((o) => [o.orderId, o.deletedAt === null]));
const top = await Customer.findOne({ attributes: ['firstName', [sequelize.fn('COUNT', sequelize.col('orders.order_id')), 'n']], include: [{ model: Order, as: 'orders', attributes: [] }], group: ['Customer.customer_id'], order: [[sequelize.literal('n'), 'DESC']], raw: true });
console.log(top);

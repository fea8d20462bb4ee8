// Orders by status, unmanaged transactions, explicit string keys.
const Customer = sequelize.define('customer', {
  code: { type: DataTypes.STRING(8), primaryKey: true },
  name: DataTypes.STRING,
}, { timestamps: false });
const Order = sequelize.define('order', {
  status: { type: DataTypes.ENUM('new', 'paid', 'sent'), defaultValue: 'new' },
  total: DataTypes.INTEGER,
}, { timestamps: false });
Customer.hasMany(Order, { foreignKey: 'customerCode', sourceKey: 'code' });
Order.belongsTo(Customer, { foreignKey: 'customerCode', targetKey: 'code' });
await sequelize.sync({ force: true });
await Customer.bulkCreate([{ code: 'ACME', name: 'Acme' }, { code: 'GLOBEX', name: 'Globex' }]);
await Order.bulkCreate([
  { customerCode: 'ACME', total: 10 }, { customerCode: 'ACME', total: 25, status: 'paid' },
  { customerCode: 'GLOBEX', total: 7, status: 'sent' }, { customerCode: 'ACME', total: 3, status: 'paid' },
]);
const byStatus = await Order.findAll({
  attributes: ['status', [sequelize.fn('COUNT', '*'), 'count'], [sequelize.fn('SUM', sequelize.col('total')), 'sum']],
  group: ['status'],
  order: [['status', 'ASC']],
  raw: true,
});
console.log(byStatus);
console.log(await Order.count({ where: { customerCode: 'ACME' }, group: 'status', where: { status: 'paid' } }));
const t = await sequelize.transaction();
try {
  await Order.create({ customerCode: 'GLOBEX', total: 99 }, { transaction: t });
  await Order.update({ status: 'sent' }, { where: { customerCode: 'ACME', status: 'paid' }, transaction: t });
  await t.commit();
} catch (err) {
  await t.rollback();
}
const t2 = await sequelize.transaction();
await Order.destroy({ where: { total: { [Op.lt]: 5 } }, transaction: t2 });
await t2.rollback();
console.log(await Order.count());
const acme = await Customer.findByPk('ACME', { include: [{ model: Order, where: { status: 'sent' } }] });
console.log(acme.orders.map((o) => o.total));
const orders = await Order.findAll({ include: Customer, order: [[Customer, 'name', 'DESC'], ['total', 'ASC']] });
console.log(orders.map((o) => `${o.customer.name}:${o.total}:${o.status}`));
const g = await Customer.findOne({ where: { code: 'GLOBEX' } });
console.log(await g.countOrders(), (await g.getOrders({ order: [['total', 'DESC']], limit: 1 }))[0].total);
await g.createOrder({ total: 1 });
console.log(await Order.max('total', { where: { customerCode: 'GLOBEX' } }), await Order.min('total'));

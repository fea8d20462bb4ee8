const { Sequelize, DataTypes, Op } = require('sequelize');
const sequelize = new Sequelize('postgres://localhost/db', { logging: false });
class Customer extends Sequelize.Model {
  fullName() { return `${this.firstName} ${this.lastName}`; }
}
Customer.init({
  firstName: { type: DataTypes.STRING, allowNull: false },
  lastName: DataTypes.STRING,
  status: { type: DataTypes.ENUM('active', 'inactive'), defaultValue: 'active' },
  meta: DataTypes.JSON,
}, { sequelize, modelName: 'customer' });
class Order extends Sequelize.Model {}
Order.init({ total: DataTypes.DECIMAL(10, 2), placedAt: DataTypes.DATE }, { sequelize, modelName: 'order' });
Customer.hasMany(Order, { onDelete: 'CASCADE' });
Order.belongsTo(Customer);
async function main() {
  await sequelize.sync({ force: true });
  const c = await Customer.create({ firstName: 'Ann', lastName: 'Lee', meta: { vip: true, tags: ['a'] } });
  await c.createOrder({ total: 12.5, placedAt: new Date('2024-01-02T03:04:05Z') });
  await c.createOrder({ total: '7.25', placedAt: new Date('2024-02-02T03:04:05Z') });
  console.log(c.fullName(), c.status, c.meta.vip);
  const orders = await Order.findAll({ where: { total: { [Op.gte]: 8 } }, include: Customer });
  console.log(orders.map((o) => [o.total, o.customer.fullName()]));
  const total = await Order.sum('total');
  console.log(total, typeof total);
  const recent = await Order.findAll({ where: { placedAt: { [Op.between]: [new Date('2024-01-15'), new Date('2024-03-01')] } } });
  console.log(recent.length, recent[0].placedAt.toISOString());
  const found = await Customer.findOne({ where: { [Op.or]: [{ firstName: 'Bob' }, { lastName: { [Op.like]: 'L%' } }] }, include: [{ model: Order, separate: true, order: [['total', 'DESC']] }] });
  console.log(found.orders.map((o) => o.total));
  await c.update({ status: 'inactive' });
  console.log(await Customer.count({ where: { status: 'inactive' } }));
  try {
    await Customer.create({ lastName: 'X' });
  } catch (err) {
    console.log(err.name, err.errors.map((e) => e.message));
  }
  await c.destroy();
  console.log(await Order.count());
  console.log(await Customer.findAll({ where: { id: [1, 2, 3] } }));
}
main();

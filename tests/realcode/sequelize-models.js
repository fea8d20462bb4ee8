const { Sequelize, DataTypes } = require('sequelize');
const sequelize = new Sequelize('sqlite::memory:');

sequelize.define('Order', { placedAt: DataTypes.DATE });
sequelize.define('LineItem', { quantity: DataTypes.INTEGER, sku: DataTypes.STRING });
sequelize.define('Shopper', { email: DataTypes.STRING });

const { Order, LineItem, Shopper } = sequelize.models;
sequelize.models.Shopper.hasMany(sequelize.models.Order);
Order.belongsTo(Shopper);
Order.hasMany(LineItem, { as: 'items' });
LineItem.belongsTo(Order);

(async () => {
  await sequelize.sync({ force: true });
  const shopper = await Shopper.create({ email: 'x@example.com' });
  const order = await shopper.createOrder({});
  await order.createItem({ quantity: 2, sku: 'SKU-1' });
  const orders = await Order.findAll({ include: [{ model: LineItem, as: 'items' }, Shopper] });
  console.log(JSON.stringify(orders.map(o => ({ by: o.Shopper.email, items: o.items.map(i => i.sku) })), null, 2));
})();

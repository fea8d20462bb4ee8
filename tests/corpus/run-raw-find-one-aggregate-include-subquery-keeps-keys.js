// A raw findOne counting an include's rows: the subquery form keeps the primary key and the join's
// key (PostgreSQL then refuses the include's column inside it).
const Customer = sequelize.define('Customer', { firstName: DataTypes.STRING });
const Order = sequelize.define('Order', { totalCents: DataTypes.INTEGER });
Customer.hasMany(Order, { as: 'orders' });
Order.belongsTo(Customer);
await sequelize.sync({ force: true });
const c1 = await Customer.create({ firstName: 'Ann' });
await Order.bulkCreate([{ totalCents: 5, CustomerId: c1.id }, { totalCents: 7, CustomerId: c1.id }]);
const top = await Customer.findOne({ attributes: ['firstName', [sequelize.fn('COUNT', sequelize.col('orders.id')), 'n']], include: [{ model: Order, as: 'orders', attributes: [] }], group: ['Customer.id'], order: [[sequelize.literal('n'), 'DESC']], raw: true });
console.log(top);
const one = await Customer.findOne({ attributes: ['firstName'], include: [{ model: Order, as: 'orders', attributes: ['totalCents'] }] });
console.log(JSON.stringify(one));
const some = await Customer.findAll({ attributes: ['firstName'], include: [{ model: Order, as: 'orders' }], limit: 1 });
console.log(JSON.stringify(some));

const Order = sequelize.define('order', { userId: DataTypes.INTEGER, amount: DataTypes.INTEGER, status: DataTypes.STRING, placedAt: DataTypes.DATE });
await sequelize.sync({ force: true });
await Order.bulkCreate([
  { userId: 1, amount: 10, status: 'paid', placedAt: new Date('2024-05-01T10:00:00Z') },
  { userId: 1, amount: 20, status: 'paid', placedAt: new Date('2024-05-01T15:00:00Z') },
  { userId: 2, amount: 5, status: 'open', placedAt: new Date('2024-05-02T09:00:00Z') },
  { userId: 3, amount: 7, status: 'paid', placedAt: new Date('2024-05-03T09:00:00Z') },
]);
console.log(await Order.count({ distinct: true, col: 'userId' }));
console.log(await Order.count({ where: { status: 'paid' }, distinct: true, col: 'userId' }));
const perDay = await Order.findAll({
  attributes: [[sequelize.fn('DATE', sequelize.col('placedAt')), 'day'], [sequelize.fn('COUNT', '*'), 'orders'], [sequelize.fn('SUM', sequelize.col('amount')), 'total']],
  group: [sequelize.fn('DATE', sequelize.col('placedAt'))],
  order: [[sequelize.fn('DATE', sequelize.col('placedAt')), 'ASC']],
  raw: true,
});
console.log(perDay);
const statuses = await Order.findAll({ attributes: [[sequelize.fn('DISTINCT', sequelize.col('status')), 'status']], order: [['status', 'ASC']], raw: true });
console.log(statuses.map((s) => s.status));
const big = await Order.findAll({ where: sequelize.where(sequelize.col('amount'), Op.gt, 6), order: [['amount', 'ASC']], raw: true, attributes: ['amount'] });
console.log(big);
const avg = await Order.findOne({ attributes: [[sequelize.fn('ROUND', sequelize.fn('AVG', sequelize.col('amount')), 2), 'avg']], raw: true });
console.log(avg);
const [updated] = await Order.update({ status: 'archived' }, { where: { placedAt: { [Op.lt]: new Date('2024-05-02T00:00:00Z') } } });
console.log(updated, await Order.count({ where: { status: 'archived' } }));

const Order = sequelize.define('order', { total: DataTypes.INTEGER, placedAt: DataTypes.DATE });
await sequelize.sync({ force: true });
await Order.bulkCreate([
  { total: 5, placedAt: new Date('2024-03-01T10:00:00Z') },
  { total: 7, placedAt: new Date('2024-03-01T18:30:00Z') },
  { total: 2, placedAt: new Date('2024-03-02T09:15:00Z') },
]);
const perDay = await Order.findAll({
  attributes: [[sequelize.fn('DATE', sequelize.col('placedAt')), 'day'], [sequelize.fn('SUM', sequelize.col('total')), 'sum']],
  group: [sequelize.fn('DATE', sequelize.col('placedAt'))],
  order: [[sequelize.fn('DATE', sequelize.col('placedAt')), 'ASC']],
  raw: true,
});
console.log(perDay);
const latest = await Order.findAll({ attributes: [[sequelize.fn('MAX', sequelize.col('placedAt')), 'last']], raw: true });
console.log(latest);
const past = await Order.count({ where: { placedAt: { [Op.lt]: sequelize.fn('NOW') } } });
console.log(past);

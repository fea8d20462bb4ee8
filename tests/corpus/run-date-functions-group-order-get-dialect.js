// Date functions in where, group and order: sales per month, as each database spells it.
const Sale = sequelize.define('sale', {
  amount: DataTypes.INTEGER,
  soldAt: DataTypes.DATE,
  region: DataTypes.STRING,
}, { timestamps: false });
await sequelize.sync({ force: true });
await Sale.bulkCreate([
  { amount: 10, soldAt: new Date('2024-01-03T10:00:00Z'), region: 'north' },
  { amount: 25, soldAt: new Date('2024-01-20T12:30:00Z'), region: 'south' },
  { amount: 7, soldAt: new Date('2024-02-11T09:15:00Z'), region: 'north' },
  { amount: 40, soldAt: new Date('2023-12-31T23:00:00Z'), region: 'north' },
]);
const fn = sequelize.fn, col = sequelize.col;
const dialect = sequelize.getDialect();
const month = dialect === 'postgres' ? fn('to_char', col('soldAt'), 'YYYY-MM')
  : dialect === 'mysql' ? fn('DATE_FORMAT', col('soldAt'), '%Y-%m')
  : fn('strftime', '%Y-%m', col('soldAt'));
const perMonth = await Sale.findAll({
  attributes: [[month, 'month'], [fn('SUM', col('amount')), 'total'], [fn('COUNT', col('id')), 'n']],
  group: [month],
  order: [[month, 'ASC']],
  raw: true,
});
console.log(perMonth);
for (const name of ['YEAR', 'date_part']) {
  try {
    const args = name === 'YEAR' ? [col('soldAt')] : ['year', col('soldAt')];
    const rows = await Sale.findAll({ where: sequelize.where(fn(name, ...args), 2024), attributes: ['id'], raw: true });
    console.log(name, rows.map((r) => r.id));
  } catch (err) {
    console.log(name, 'failed:', err.message);
  }
}
const regions = await Sale.findAll({
  attributes: ['region', [fn('MAX', col('amount')), 'best'], [fn('MIN', col('soldAt')), 'first']],
  group: ['region'],
  order: [[fn('MAX', col('amount')), 'DESC']],
  raw: true,
});
console.log(regions);
const upper = await Sale.findAll({ attributes: [[fn('UPPER', fn('SUBSTR', col('region'), 1, 1)), 'initial']], group: [fn('UPPER', fn('SUBSTR', col('region'), 1, 1))], raw: true, order: [[fn('UPPER', fn('SUBSTR', col('region'), 1, 1)), 'ASC']] });
console.log(upper);
const recent = await Sale.count({ where: { soldAt: { [Op.gte]: new Date('2024-01-15T00:00:00Z') } } });
console.log(recent);

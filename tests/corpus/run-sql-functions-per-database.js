// SQL functions people reach for, each in its own try so each database answers for itself.
const Item = sequelize.define('item', {
  name: DataTypes.STRING,
  code: DataTypes.STRING,
  price: DataTypes.INTEGER,
  weight: DataTypes.FLOAT,
  madeAt: DataTypes.DATE,
}, { timestamps: false });
await sequelize.sync({ force: true });
await Item.bulkCreate([
  { name: 'Blue Pen', code: 'pen-01', price: 3, weight: 0.25, madeAt: new Date('2023-03-05T10:20:30Z') },
  { name: 'red pen', code: 'pen-02', price: 4, weight: 1.75, madeAt: new Date('2023-11-20T08:00:00Z') },
  { name: 'Notebook', code: null, price: 12, weight: 2.5, madeAt: new Date('2024-01-15T23:59:59Z') },
]);
const fn = sequelize.fn, col = sequelize.col;
async function tryIt(label, attributes) {
  try {
    const rows = await Item.findAll({ attributes, raw: true, order: [['id', 'ASC']] });
    console.log(label, JSON.stringify(rows));
  } catch (err) {
    console.log(label, 'failed:', err.name, err.message);
  }
}
await tryIt('substr', [[fn('SUBSTR', col('name'), 1, 3), 'short']]);
await tryIt('replace', [[fn('REPLACE', col('code'), '-', '_'), 'code2']]);
await tryIt('nullif', [[fn('NULLIF', col('price'), 4), 'p']]);
await tryIt('ifnull', [[fn('IFNULL', col('code'), 'none'), 'c']]);
await tryIt('floor', [[fn('FLOOR', col('weight')), 'w']]);
await tryIt('ceil', [[fn('CEIL', col('weight')), 'w']]);
await tryIt('greatest', [[fn('GREATEST', col('price'), 5), 'g']]);
await tryIt('upper-concat', [[fn('CONCAT', fn('UPPER', col('name')), ' #', col('id')), 'label']]);
await tryIt('length', [[fn('LENGTH', col('name')), 'len']]);
await tryIt('year', [[fn('YEAR', col('madeAt')), 'y']]);
await tryIt('date_trunc', [[fn('date_trunc', 'month', col('madeAt')), 'm']]);
await tryIt('strftime', [[fn('strftime', '%Y-%m', col('madeAt')), 'ym']]);
await tryIt('date_format', [[fn('DATE_FORMAT', col('madeAt'), '%Y-%m'), 'ym']]);
await tryIt('to_char', [[fn('to_char', col('madeAt'), 'YYYY-MM'), 'ym']]);
const quoted = sequelize.getDialect() === 'mysql' ? '`madeAt`' : '"madeAt"';
await tryIt('extract', [[sequelize.literal(`EXTRACT(YEAR FROM ${quoted})`), 'y']]);
await tryIt('extract-month', [[sequelize.literal(`EXTRACT(MONTH FROM ${quoted})`), 'm']]);
await tryIt('mod', [[fn('MOD', col('price'), 5), 'r']]);
await tryIt('power', [[fn('POWER', col('price'), 2), 'sq']]);
await tryIt('lower-like', [[fn('LOWER', col('name')), 'n']]);
try {
  const grouped = await Item.findAll({ attributes: [[fn('GROUP_CONCAT', col('name')), 'names']], raw: true });
  console.log('group_concat', grouped);
} catch (err) {
  console.log('group_concat failed:', err.message);
}
try {
  const grouped = await Item.findAll({ attributes: [[fn('STRING_AGG', col('name'), ', '), 'names']], raw: true });
  console.log('string_agg', grouped);
} catch (err) {
  console.log('string_agg failed:', err.message);
}
const byYear = await Item.findAll({
  where: sequelize.where(fn('LOWER', col('name')), { [Op.like]: '%pen%' }),
  attributes: ['name'],
  raw: true,
});
console.log(byYear);

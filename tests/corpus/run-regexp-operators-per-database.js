// Op.regexp and its kin: PostgreSQL's ~ family, MySQL's REGEXP; SQLite has none.
const Product = sequelize.define('product', { name: DataTypes.STRING, sku: DataTypes.STRING }, { timestamps: false });
await sequelize.sync({ force: true });
await Product.bulkCreate([
  { name: 'Apple Juice', sku: 'AJ-1' }, { name: 'apple pie', sku: 'ap-2' }, { name: 'Banana', sku: null }, { name: 'Cherry Jam', sku: 'CJ-9' },
]);
async function names(label, where) {
  try {
    const rows = await Product.findAll({ where, attributes: ['name'], order: [['id', 'ASC']] });
    console.log(label, rows.map((r) => r.name));
  } catch (err) {
    console.log(label, 'failed:', err.message);
  }
}
await names('regexp', { sku: { [Op.regexp]: '^[AC]' } });
await names('not-regexp', { sku: { [Op.notRegexp]: '[0-9]$' } });
await names('name-regexp', { name: { [Op.regexp]: 'an+a' } });
await names('and', { [Op.and]: [{ sku: { [Op.regexp]: '-[12]$' } }, { name: { [Op.like]: '%e%' } }] });
if (sequelize.getDialect() === 'postgres') {
  await names('iregexp', { sku: { [Op.iRegexp]: '^a' } });
  await names('not-iregexp', { name: { [Op.notIRegexp]: 'APPLE' } });
}
console.log(await Product.count({ where: { name: { [Op.regexp]: 'e' } } }));

// The objects sequelize.fn, col, literal and where make: their own keys and fields, as code that inspects them reads them.
const User = sequelize.define('User', { name: DataTypes.STRING });
const w = sequelize.where(sequelize.fn('lower', sequelize.col('name')), 'tom');
console.log(Object.keys(w), w.comparator, w.attribute.fn, Object.keys(sequelize.col('a')), sequelize.literal('1+1').val);
console.log(Object.entries(sequelize.fn('max', sequelize.col('age'))));
await sequelize.sync({ force: true });
await User.create({ name: 'Tom' });
console.log((await User.findAll({ where: w })).map((u) => u.name));

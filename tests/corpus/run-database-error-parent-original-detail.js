// What a database error carries, as answers print it: the foreign key error's table,
// fields, index and the driver's own error (parent.code, detail), and a unique error's.
const { Sequelize, DataTypes } = require('sequelize');
const sequelize = new Sequelize('sqlite::memory:', { logging: false });
const Owner = sequelize.define('Owner', { email: { type: DataTypes.STRING, unique: true } });
const Pet = sequelize.define('Pet', { name: DataTypes.STRING });
Owner.hasMany(Pet);
Pet.belongsTo(Owner);
await sequelize.sync();
await Owner.create({ email: 'a@x.io' });
try {
  await Pet.create({ name: 'Rex', OwnerId: 99 });
} catch (e) {
  console.log(e.name, e instanceof Sequelize.ForeignKeyConstraintError, e.table, e.fields, e.index);
  console.log(e.parent && e.parent.code, e.original && e.original.detail, e.parent === e.original);
}
try {
  await Owner.create({ email: 'a@x.io' });
} catch (e) {
  console.log(e.name, e.fields, e.errors.map((x) => [x.path, x.type, x.value, x.validatorKey]));
  console.log(e.parent && e.parent.code, e.original && e.original.constraint, e.sql === undefined);
}

'use strict';
const { Sequelize, DataTypes, Model } = require('sequelize');
const defineUser = (sequelize, DataTypes) => {
  class User extends Model {
    static associate(models) {
      this.hasMany(models.Order, { foreignKey: 'userId', as: 'orders' });
    }
    get displayName() {
      return `${this.firstName} ${this.lastName[0]}.`;
    }
  }
  User.init({
    firstName: DataTypes.STRING,
    lastName: DataTypes.STRING,
    email: { type: DataTypes.STRING, validate: { isEmail: true } },
  }, { sequelize, modelName: 'User', tableName: 'Users' });
  return User;
};
const defineOrder = (sequelize, DataTypes) => {
  const Order = sequelize.define('Order', {
    total: { type: DataTypes.DECIMAL(8, 2), allowNull: false },
    status: { type: DataTypes.ENUM('new', 'paid', 'shipped'), defaultValue: 'new' },
  });
  Order.associate = (models) => {
    Order.belongsTo(models.User, { foreignKey: 'userId', as: 'customer' });
  };
  return Order;
};
const db = {};
for (const define of [defineUser, defineOrder]) {
  const model = define(sequelize, DataTypes);
  db[model.name] = model;
}
Object.keys(db).forEach((name) => {
  if (db[name].associate) db[name].associate(db);
});
db.sequelize = sequelize;
db.Sequelize = Sequelize;
await db.sequelize.sync({ force: true });
const user = await db.User.create({ firstName: 'Grace', lastName: 'Hopper', email: 'grace@navy.mil' });
await db.Order.bulkCreate([{ total: 19.99, userId: user.id }, { total: '5', status: 'paid', userId: user.id }]);
const found = await db.User.findOne({ where: { email: 'grace@navy.mil' }, include: [{ model: db.Order, as: 'orders' }] });
console.log(found.displayName, found.orders.map((o) => `${o.status}:${o.total}`));
const paid = await db.Order.findAll({ where: { status: 'paid' }, include: ['customer'] });
console.log(paid.map((o) => o.customer.firstName));
try {
  await db.Order.create({ total: 1, status: 'lost', userId: user.id });
} catch (err) {
  console.log(err.name, err.message);
}
try {
  await db.User.create({ firstName: 'X', lastName: 'Y', email: 'nope' });
} catch (err) {
  console.log(err.errors.map((e) => e.message));
}
console.log(Object.keys(db), db.User.tableName, db.Order.getTableName());

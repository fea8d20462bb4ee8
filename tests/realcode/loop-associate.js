const { Sequelize, DataTypes } = require('sequelize');
const sequelize = new Sequelize('sqlite::memory:');

const db = {};

db.Customer = sequelize.define('Customer', { name: DataTypes.STRING });
db.Customer.associate = function (models) {
  db.Customer.hasMany(models.Invoice, { foreignKey: 'customerId', as: 'invoices' });
};

db.Invoice = sequelize.define('Invoice', { total: DataTypes.DECIMAL(10, 2) });
db.Invoice.associate = function (models) {
  db.Invoice.belongsTo(models.Customer, { foreignKey: 'customerId', as: 'customer' });
};

Object.keys(db).forEach(modelName => {
  if (db[modelName].associate) {
    db[modelName].associate(db);
  }
});

(async () => {
  await sequelize.sync({ force: true });
  const customer = await db.Customer.create({ name: 'ACME' });
  await db.Invoice.create({ total: '99.50', customerId: customer.id });
  const invoices = await db.Invoice.findAll({ include: 'customer' });
  console.log(invoices.map(i => `${i.customer.name} owes ${i.total}`));
})();

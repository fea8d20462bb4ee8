const { Transaction } = require('sequelize');
const Pug = sequelize.define('pug', { name: DataTypes.STRING });
await sequelize.sync({ force: true });
console.log(Transaction.LOCK.UPDATE, Sequelize.Transaction.ISOLATION_LEVELS.SERIALIZABLE);
await sequelize.transaction({ isolationLevel: Transaction.ISOLATION_LEVELS.SERIALIZABLE }, async (t) => {
  await Pug.create({ name: 'a' }, { transaction: t });
});
console.log(await Pug.count());

const { Sequelize, DataTypes } = require('sequelize');
const sequelize = new Sequelize('sqlite::memory:');

const Driver = sequelize.define('Driver', { name: DataTypes.STRING });
const License = sequelize.define('License', { number: DataTypes.STRING });
Driver.hasOne(License, { foreignKey: { name: 'driverId', allowNull: true }, onDelete: 'SET NULL' });
License.belongsTo(Driver, { foreignKey: 'driverId' });

(async () => {
  await sequelize.sync({ force: true });
  const driver = await Driver.create({ name: 'Lewis' });
  const first = await License.create({ number: 'A-1' });
  const second = await License.create({ number: 'B-2' });
  await driver.setLicense(first);
  await driver.setLicense(second);
  const current = await driver.getLicense();
  console.log(current.number);
  const loose = await License.findAll({ where: { driverId: null } });
  console.log(loose.map(l => l.number));
})();

const { Sequelize, DataTypes } = require('sequelize');
const sequelize = new Sequelize('sqlite::memory:');

const Country = sequelize.define('Country', {
  code: { type: DataTypes.STRING(2), unique: true },
  name: DataTypes.STRING,
});
const City = sequelize.define('City', { name: DataTypes.STRING });

City.belongsTo(Country, { foreignKey: 'countryCode', targetKey: 'code' });
Country.hasMany(City, { foreignKey: 'countryCode', sourceKey: 'code' });

(async () => {
  await sequelize.sync({ force: true });
  await Country.create({ code: 'FR', name: 'France' });
  await City.bulkCreate([{ name: 'Paris', countryCode: 'FR' }, { name: 'Lyon', countryCode: 'FR' }]);
  const france = await Country.findOne({ where: { code: 'FR' }, include: City });
  console.log(france.Cities.map(c => c.name).sort());
})();

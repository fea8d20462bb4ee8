const { Sequelize, DataTypes, Op } = require('sequelize');
const sequelize = new Sequelize('sqlite::memory:');

const Owner = sequelize.define('Owner', { name: DataTypes.STRING });
const Car = sequelize.define('Car', { make: DataTypes.STRING, year: DataTypes.INTEGER });
Owner.hasMany(Car);
Car.belongsTo(Owner);

(async () => {
  await sequelize.sync({ force: true });
  const [ann, ben] = await Owner.bulkCreate([{ name: 'Ann' }, { name: 'Ben' }]);
  await Car.bulkCreate([
    { make: 'Volvo', year: 1999, OwnerId: ann.id },
    { make: 'Fiat', year: 2015, OwnerId: ann.id },
  ]);
  const owners = await Owner.findAll({
    include: [{ model: Car, where: { year: { [Op.gte]: 2000 } }, required: true }],
  });
  console.log(owners.map(o => o.name), ben.name);
})();

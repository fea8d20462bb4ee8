// Sequelize 4's string operators in a Sequelize 6 where ($gt, $like, $or), which v6 no
// longer reads by default, and the v6 spelling beside them.
const { Sequelize, DataTypes, Op } = require('sequelize');
const sequelize = new Sequelize('sqlite::memory:', { logging: false });
const Pet = sequelize.define('Pet', { name: DataTypes.STRING, age: DataTypes.INTEGER });
await sequelize.sync();
await Pet.bulkCreate([{ name: 'Rex', age: 3 }, { name: 'Tom', age: 9 }]);
for (const where of [{ age: { $gt: 5 } }, { name: { $like: 'R%' } }, { $or: [{ age: 3 }, { age: 9 }] }, { age: { [Op.gt]: 5 } }]) {
  try {
    const rows = await Pet.findAll({ where, attributes: ['name'] });
    console.log(rows.map((r) => r.name));
  } catch (e) {
    console.log(e.name, e.message);
  }
}

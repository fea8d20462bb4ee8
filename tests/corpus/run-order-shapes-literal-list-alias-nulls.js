// Order shapes from answers: bare strings, a one-item array, a literal, a function,
// an attribute alias, NULLS FIRST, and a random-free tiebreak on id.
const { Sequelize, DataTypes } = require('sequelize');
const sequelize = new Sequelize('sqlite::memory:', { logging: false });
const City = sequelize.define('City', { name: DataTypes.STRING, pop: DataTypes.INTEGER });
await sequelize.sync();
await City.bulkCreate([{ name: 'oslo', pop: 700 }, { name: 'Bergen', pop: 280 }, { name: 'alta', pop: null }, { name: 'Oslo', pop: 5 }]);
const names = (rows) => rows.map((r) => r.name);
console.log(names(await City.findAll({ order: ['pop', 'id'] })));
console.log(names(await City.findAll({ order: [['name']] })));
console.log(names(await City.findAll({ order: sequelize.literal('pop DESC, id ASC') })));
console.log(names(await City.findAll({ order: [[sequelize.fn('lower', sequelize.col('name')), 'ASC'], ['id', 'DESC']] })));
console.log(names(await City.findAll({ attributes: ['name', ['pop', 'people']], order: [['people', 'DESC'], ['id', 'ASC']] })));
console.log(names(await City.findAll({ order: [['pop', 'ASC NULLS FIRST']] })));
console.log(names(await City.findAll({ order: [['pop', 'DESC']], limit: 2, offset: 1 })));

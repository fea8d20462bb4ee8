const Pug = sequelize.define('pug', { name: DataTypes.STRING, age: DataTypes.INTEGER });
await sequelize.sync({ force: true });
await Pug.bulkCreate([{ name: 'Cody', age: 3 }, { name: 'Rex', age: 7 }, { name: 'Bella', age: 5 }]);
console.log(await Pug.update({ age: 4 }, { where: { name: 'Cody' } }));
console.log(await Pug.destroy({ where: { age: { [Op.gt]: 6 } } }));
console.log(await Pug.findAll({ attributes: ['name', 'age'] }));

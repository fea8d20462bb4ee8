const Owner = sequelize.define('owner', { name: DataTypes.STRING });
await sequelize.sync({ force: true });
await Owner.create({ name: 'Tom' });
await Owner.create({ name: 'Ann' });
console.log(await Owner.findByPk(2));
console.log(await Owner.findByPk(99));
console.log(await Owner.findOne({ where: { name: 'Tom' } }));
console.log(await Owner.findAll({ where: { name: 'Ann' } }));
console.log(await Owner.count());

const Owner = sequelize.define('owner', { name: DataTypes.STRING });
await sequelize.sync({ force: true });
const owners = await Owner.bulkCreate([{ name: 'Tom' }, { name: 'Ann' }]);
console.log(owners.length);
console.log(await Owner.findAll());

const Owner = sequelize.define('owner', { name: DataTypes.STRING });
await sequelize.sync({ force: true });
console.log(await Owner.findAll({ include: Toy }));

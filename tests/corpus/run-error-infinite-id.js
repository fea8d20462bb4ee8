const Owner = sequelize.define('owner', { name: DataTypes.STRING });
await sequelize.sync({ force: true });
await Owner.create({ id: 5 / 0, name: 'Tom' });

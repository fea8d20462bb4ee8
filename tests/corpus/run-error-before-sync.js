const Owner = sequelize.define('owner', { name: DataTypes.STRING });
await Owner.create({ name: 'Tom' });

const Owner = sequelize.define('owner', { name: { type: DataTypes.STRING, allowNull: false } });
await sequelize.sync({ force: true });
await Owner.create({});

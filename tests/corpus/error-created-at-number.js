const Owner = sequelize.define('owner', { name: DataTypes.STRING }, { createdAt: 1 });

const Owner = sequelize.define('owner', { id: DataTypes.INTEGER, name: DataTypes.STRING });

const Owner = sequelize.define('owner', { name: DataTypes.STRNG });

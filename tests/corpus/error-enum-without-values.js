const Owner = sequelize.define('owner', { mood: DataTypes.ENUM });

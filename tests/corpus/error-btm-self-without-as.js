const User = sequelize.define('user', { name: DataTypes.STRING });
User.belongsToMany(User, { through: 'friendships' });

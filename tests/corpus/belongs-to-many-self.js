const User = sequelize.define('user', { username: DataTypes.STRING });
User.belongsToMany(User, { as: 'Friends', through: 'friendships' });

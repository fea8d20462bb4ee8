const UserProfile = sequelize.define('UserProfile', { bio: DataTypes.TEXT }, { underscored: true });
const User = sequelize.define('User', { name: DataTypes.STRING });
User.hasOne(UserProfile);

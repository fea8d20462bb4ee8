const User = sequelize.define('user', {
  email: { type: DataTypes.STRING, unique: true },
});
const Settings = sequelize.define('settings', { theme: DataTypes.STRING });
User.hasOne(Settings, { foreignKey: 'userEmail', sourceKey: 'email' });

const User = sequelize.define('User', { username: DataTypes.STRING });
const Profile = sequelize.define('Profile', { name: DataTypes.STRING });
const Grant = sequelize.define('grant', {
  id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true, allowNull: false },
  selfGranted: DataTypes.BOOLEAN,
}, { timestamps: false });
User.belongsToMany(Profile, { through: Grant });
Profile.belongsToMany(User, { through: Grant });

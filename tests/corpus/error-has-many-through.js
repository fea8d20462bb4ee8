const User = sequelize.define('user', { name: DataTypes.STRING });
const Group = sequelize.define('group', { name: DataTypes.STRING });
User.hasMany(Group, { through: 'memberships' });

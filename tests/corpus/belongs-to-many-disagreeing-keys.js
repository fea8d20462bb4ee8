const User = sequelize.define('user', { username: DataTypes.STRING });
const Group = sequelize.define('group', { title: DataTypes.STRING });
User.belongsToMany(Group, { through: 'memberships', foreignKey: 'member_id' });
Group.belongsToMany(User, { through: 'memberships' });

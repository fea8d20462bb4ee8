// expect error "user.belongsToMany(group) requires through option" at "User.belongsToMany(Group)"
const User = sequelize.define('user', { name: DataTypes.STRING });
const Group = sequelize.define('group', { name: DataTypes.STRING });
User.belongsToMany(Group);

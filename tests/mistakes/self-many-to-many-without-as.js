// expect error "SequelizeAssociationError: 'as' must be defined for many-to-many self-associations" at "User.belongsToMany(User, { through: 'friends' })"
const User = sequelize.define('user', { name: DataTypes.STRING });
User.belongsToMany(User, { through: 'friends' });

const User = sequelize.define('user', { name: DataTypes.STRING });
const Project = sequelize.define('project', { title: DataTypes.STRING, lead: DataTypes.STRING });
Project.belongsTo(User, { as: 'lead' });

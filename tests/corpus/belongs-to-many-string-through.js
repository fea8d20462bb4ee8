const User = sequelize.define('user', { username: DataTypes.STRING });
const Project = sequelize.define('project', { title: DataTypes.STRING });
User.belongsToMany(Project, { through: 'UserProjects' });
Project.belongsToMany(User, { through: 'UserProjects' });

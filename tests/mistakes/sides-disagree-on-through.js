// expect warning "different join tables (UserProjects and ProjectUsers)" at "Project.belongsToMany(User, { through: 'ProjectUsers' })"
const User = sequelize.define('user', { name: DataTypes.STRING });
const Project = sequelize.define('project', { title: DataTypes.STRING });
User.belongsToMany(Project, { through: 'UserProjects' });
Project.belongsToMany(User, { through: 'ProjectUsers' });

const { Sequelize, DataTypes } = require('sequelize');
const sequelize = new Sequelize('sqlite::memory:');

const Organization = sequelize.define('Organization', {
  id: { type: DataTypes.UUID, defaultValue: DataTypes.UUIDV4, primaryKey: true },
  name: DataTypes.STRING,
});
const Workspace = sequelize.define('Workspace', {
  id: { type: DataTypes.UUID, defaultValue: DataTypes.UUIDV4, primaryKey: true },
  slug: DataTypes.STRING,
});

Organization.hasMany(Workspace, { foreignKey: 'organizationId' });
Workspace.belongsTo(Organization, { foreignKey: 'organizationId' });

sequelize.sync({ force: true }).then(() => {
  console.log(Object.keys(Workspace.rawAttributes));
});

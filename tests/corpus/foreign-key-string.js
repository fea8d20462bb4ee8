const Owner = sequelize.define('owner', { name: DataTypes.STRING });
const Pug = sequelize.define('pug', { name: DataTypes.STRING });
Pug.belongsTo(Owner, { foreignKey: 'master_id' });
Owner.hasMany(Pug, { foreignKey: 'master_id' });

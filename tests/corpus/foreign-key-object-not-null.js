const Owner = sequelize.define('owner', { name: DataTypes.STRING });
const Pug = sequelize.define('pug', { name: DataTypes.STRING });
Owner.hasMany(Pug, { foreignKey: { name: 'ownerId', allowNull: false } });
Pug.belongsTo(Owner, { foreignKey: { name: 'ownerId', allowNull: false } });

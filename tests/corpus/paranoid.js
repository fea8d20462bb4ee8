const Owner = sequelize.define('owner', { name: DataTypes.STRING }, { paranoid: true });
const Pug = sequelize.define('pug', { name: DataTypes.STRING }, { paranoid: true, deletedAt: 'removedAt' });
Owner.hasMany(Pug);
Pug.belongsTo(Owner);

const Owner = sequelize.define('owner', { name: DataTypes.STRING });
const Pug = sequelize.define('pug', { name: DataTypes.STRING });
Owner.hasMany(Pug, { onDelete: 'CASCADE' });
Pug.belongsTo(Owner, { onDelete: 'RESTRICT', onUpdate: 'NO ACTION' });

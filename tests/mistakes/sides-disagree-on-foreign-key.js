// expect warning "pugs gets both columns" at "Owner.hasMany(Pug, { foreignKey: 'owner_id' })" hint "same foreignKey"
const Owner = sequelize.define('owner', { name: DataTypes.STRING });
const Pug = sequelize.define('pug', { name: DataTypes.STRING });
Pug.belongsTo(Owner);
Owner.hasMany(Pug, { foreignKey: 'owner_id' });

const Owner = sequelize.define('owner', { name: DataTypes.STRING });
const Pug = sequelize.define('pug', { name: DataTypes.STRING, ownerId: DataTypes.INTEGER });
Pug.belongsTo(Owner);
Owner.hasMany(Pug);

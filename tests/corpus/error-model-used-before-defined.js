const Pug = sequelize.define('pug', { name: DataTypes.STRING });
Pug.belongsTo(Owner);
const Owner = sequelize.define('owner', { name: DataTypes.STRING });

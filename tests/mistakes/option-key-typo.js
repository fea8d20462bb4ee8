// expect warning "Sequelize ignores 'foreignkey' in belongsTo options" at "foreignkey" hint "foreignKey"
const Owner = sequelize.define('owner', { name: DataTypes.STRING });
const Pug = sequelize.define('pug', { name: DataTypes.STRING });
Pug.belongsTo(Owner, { foreignkey: 'master_id' });

// expect error "ReferenceError: Cannot access 'Owner' before initialization" at "Owner" hint "define Owner above"
const Pug = sequelize.define('pug', { name: DataTypes.STRING });
Pug.belongsTo(Owner);
const Owner = sequelize.define('owner', { name: DataTypes.STRING });

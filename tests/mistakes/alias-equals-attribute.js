// expect error "Naming collision between attribute 'owner' and association 'owner' on model pug" at "Pug.belongsTo(Owner)"
const Owner = sequelize.define('owner', { name: DataTypes.STRING });
const Pug = sequelize.define('pug', { name: DataTypes.STRING, owner: DataTypes.STRING });
Pug.belongsTo(Owner);

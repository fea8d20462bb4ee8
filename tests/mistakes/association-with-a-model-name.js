// expect error "owner.hasMany called with something that's not a subclass of Sequelize.Model" at "'Pug'" hint "Owner.hasMany(Pug)"
const Owner = sequelize.define('owner', { name: DataTypes.STRING });
const Pug = sequelize.define('pug', { name: DataTypes.STRING });
Owner.hasMany('Pug');

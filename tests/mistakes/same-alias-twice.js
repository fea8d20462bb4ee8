// expect error "You have used the alias dogs in two separate associations" at "Owner.hasOne(Pug, { as: 'dogs' })" hint "its own `as`"
const Owner = sequelize.define('owner', { name: DataTypes.STRING });
const Pug = sequelize.define('pug', { name: DataTypes.STRING });
Owner.hasMany(Pug, { as: 'dogs' });
Owner.hasOne(Pug, { as: 'dogs' });

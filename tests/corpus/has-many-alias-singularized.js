const Owner = sequelize.define('owner', { name: DataTypes.STRING });
const Pug = sequelize.define('pug', { name: DataTypes.STRING });
Owner.hasMany(Pug, { as: 'dogs' });
Owner.hasOne(Pug, { as: 'favoriteDog' });

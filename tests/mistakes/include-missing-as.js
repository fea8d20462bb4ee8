// expect error "You must use the 'as' keyword" at "Owner.findAll({ include: Pug })"
const Owner = sequelize.define('owner', { name: DataTypes.STRING });
const Pug = sequelize.define('pug', { name: DataTypes.STRING });
Owner.hasMany(Pug, { as: 'pets' });
await sequelize.sync({ force: true });
console.log(await Owner.findAll({ include: Pug }));

// expect error "You've included an alias (dogs), but it does not match the alias(es) defined in your association (pets)" at "Owner.findAll({ include: { model: Pug, as: 'dogs' } })"
const Owner = sequelize.define('owner', { name: DataTypes.STRING });
const Pug = sequelize.define('pug', { name: DataTypes.STRING });
Owner.hasMany(Pug, { as: 'pets' });
await sequelize.sync({ force: true });
console.log(await Owner.findAll({ include: { model: Pug, as: 'dogs' } }));

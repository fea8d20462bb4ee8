const Owner = sequelize.define('owner', { name: DataTypes.STRING });
const Pug = sequelize.define('pug', { name: DataTypes.STRING });
Owner.hasMany(Pug, { as: 'pets' });
await sequelize.sync({ force: true });
console.log(await Owner.findAll({ include: Pug }));

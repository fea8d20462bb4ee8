const Owner = sequelize.define('owner', { name: DataTypes.STRING });
const Pug = sequelize.define('pug', { name: DataTypes.STRING });
Owner.hasMany(Pug);
await sequelize.sync({ force: true });
console.log(await Owner.findAll({ include: 'dogs' }));

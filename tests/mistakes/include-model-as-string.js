// expect error "TypeError: include.model.getTableName is not a function" at "Owner.findAll({ include: [{ model: 'Pug' }] })" hint "{ model: Pug }"
const Owner = sequelize.define('owner', { name: DataTypes.STRING });
const Pug = sequelize.define('pug', { name: DataTypes.STRING });
Owner.hasMany(Pug);
await sequelize.sync({ force: true });
console.log(await Owner.findAll({ include: [{ model: 'Pug' }] }));

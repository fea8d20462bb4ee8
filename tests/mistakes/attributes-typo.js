// expect error "SequelizeDatabaseError: column \"nmae\" does not exist" at "Pug.findAll({ attributes: ['nmae'] })" hint "name"
const Owner = sequelize.define('owner', { name: DataTypes.STRING });
const Pug = sequelize.define('pug', { name: DataTypes.STRING });
Pug.belongsTo(Owner);
Owner.hasMany(Pug);
await sequelize.sync({ force: true });
console.log(await Pug.findAll({ attributes: ['nmae'] }));

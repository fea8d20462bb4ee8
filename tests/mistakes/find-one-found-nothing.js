// expect error "TypeError: Cannot read properties of null (reading 'getOwner')" at "pug.getOwner()" hint "findOne"
const Owner = sequelize.define('owner', { name: DataTypes.STRING });
const Pug = sequelize.define('pug', { name: DataTypes.STRING });
Pug.belongsTo(Owner);
Owner.hasMany(Pug);
await sequelize.sync({ force: true });
const pug = await Pug.findOne({ where: { name: 'Nobody' } });
console.log(await pug.getOwner());

// expect error "SequelizeEagerLoadingError: pug is not associated to owner!" at "Owner.findAll({ include: Pug })" hint "goes one way only"
const Owner = sequelize.define('owner', { name: DataTypes.STRING });
const Pug = sequelize.define('pug', { name: DataTypes.STRING });
Pug.belongsTo(Owner);
await sequelize.sync({ force: true });
console.log(await Owner.findAll({ include: Pug }));

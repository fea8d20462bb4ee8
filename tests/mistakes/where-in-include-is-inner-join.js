// expect note "makes it required" at "where" hint "required: false"
const Owner = sequelize.define('owner', { name: DataTypes.STRING });
const Pug = sequelize.define('pug', { name: DataTypes.STRING });
Owner.hasMany(Pug);
await sequelize.sync({ force: true });
console.log(await Owner.findAll({ include: [{ model: Pug, where: { name: 'Cody' } }] }));

const Owner = sequelize.define('owner', { name: DataTypes.STRING });
const Pug = sequelize.define('pug', { name: DataTypes.STRING });
Pug.belongsTo(Owner);
Owner.hasMany(Pug);
await sequelize.sync({ force: true });
const tom = await Owner.create({ name: 'Tom' });
await Pug.create({ name: 'Cody', ownerId: tom.id });
await tom.destroy();
console.log(await Pug.findAll({ attributes: ['name', 'ownerId'] }));

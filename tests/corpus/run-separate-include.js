const Owner = sequelize.define('owner', { name: DataTypes.STRING });
const Pug = sequelize.define('pug', { name: DataTypes.STRING });
Owner.hasMany(Pug);
await sequelize.sync({ force: true });
const tom = await Owner.create({ name: 'Tom' });
await Pug.create({ name: 'Cody', ownerId: tom.id });
await Owner.create({ name: 'Ann' });
console.log(await Owner.findAll({ include: [{ model: Pug, separate: true }] }));

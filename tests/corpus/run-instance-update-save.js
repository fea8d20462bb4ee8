const Owner = sequelize.define('owner', { name: DataTypes.STRING, city: DataTypes.STRING });
await sequelize.sync({ force: true });
const tom = await Owner.create({ name: 'Tom', city: 'Oslo' });
tom.name = 'Thomas';
await tom.save();
console.log(tom);
await tom.update({ city: 'Bergen' });
console.log(await Owner.findByPk(tom.id));

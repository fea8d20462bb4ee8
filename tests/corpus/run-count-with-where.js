const Owner = sequelize.define('owner', { name: DataTypes.STRING });
const Pug = sequelize.define('pug', { name: DataTypes.STRING, age: DataTypes.INTEGER });
Owner.hasMany(Pug);
Pug.belongsTo(Owner);
await sequelize.sync({ force: true });
const tom = await Owner.create({ name: 'Tom' });
await Pug.bulkCreate([{ name: 'D', age: 3, ownerId: 1 }, { name: 'A', age: 5, ownerId: 1 }, { name: 'Z', age: 1, ownerId: 1 }]);

console.log(await tom.countPugs({ where: { age: { [Op.gt]: 2 } } }));

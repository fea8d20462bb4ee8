const Owner = sequelize.define('owner', { name: DataTypes.STRING });
const Pug = sequelize.define('pug', { name: DataTypes.STRING, age: DataTypes.INTEGER });
Owner.hasMany(Pug);
Pug.belongsTo(Owner);
await sequelize.sync({ force: true });
const tom = await Owner.create({ name: 'Tom' });
await Pug.bulkCreate([{ name: 'D', age: 3, ownerId: 1 }, { name: 'A', age: 5, ownerId: 1 }, { name: 'Z', age: 1, ownerId: 1 }]);

const pug = await Pug.findByPk(1);
pug.name = 'E';
console.log(pug.changed(), pug.changed('name'), pug.previous('name'));
await pug.reload();
console.log(pug.name, pug.changed());
await pug.increment('age');
await pug.increment({ age: 2 });
await pug.decrement('age', { by: 3 });
await pug.reload();
console.log(pug.age);

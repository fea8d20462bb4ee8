const Owner = sequelize.define('owner', { name: DataTypes.STRING });
const Pug = sequelize.define('pug', { name: DataTypes.STRING, age: DataTypes.INTEGER });
Owner.hasMany(Pug);
Pug.belongsTo(Owner);
await sequelize.sync({ force: true });
const tom = await Owner.create({ name: 'Tom' });
await Pug.bulkCreate([{ name: 'D', age: 3, ownerId: 1 }, { name: 'A', age: 5, ownerId: 1 }, { name: 'Z', age: 1, ownerId: 1 }]);

const [p, created] = await Pug.findOrCreate({ where: { name: 'D' }, defaults: { age: 7 } });
console.log(p.name, created);
const [q, made] = await Pug.findOrCreate({ where: { name: 'Q' }, defaults: { age: 7 } });
console.log(q.age, made);

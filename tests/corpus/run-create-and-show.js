const Owner = sequelize.define('owner', { name: DataTypes.STRING, age: DataTypes.INTEGER });
await sequelize.sync({ force: true });
const tom = await Owner.create({ name: 'Tom', age: 30 });
console.log(tom);
console.log(tom.id, 'id');
const nameless = await Owner.create({});
console.log(nameless);

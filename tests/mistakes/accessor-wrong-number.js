// expect error "TypeError: tom.getPug is not a function" at "tom.getPug()" hint "tom.getPugs()"
const Owner = sequelize.define('owner', { name: DataTypes.STRING });
const Pug = sequelize.define('pug', { name: DataTypes.STRING });
Owner.hasMany(Pug);
await sequelize.sync({ force: true });
const tom = await Owner.create({ name: 'Tom' });
console.log(await tom.getPug());

// expect error "TypeError: Owner.getPugs is not a function" at "Owner.getPugs()" hint "belongs to each owner"
const Owner = sequelize.define('owner', { name: DataTypes.STRING });
const Pug = sequelize.define('pug', { name: DataTypes.STRING });
Pug.belongsTo(Owner);
Owner.hasMany(Pug);
await sequelize.sync({ force: true });
await Owner.create({ name: 'Tom' });
console.log(await Owner.getPugs());

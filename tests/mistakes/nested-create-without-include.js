// expect warning "without { include } Sequelize creates the owner alone and ignores pugs" at "pugs: [{ name: 'Cody' }]" hint "{ include: [Pug] }"
const Owner = sequelize.define('owner', { name: DataTypes.STRING });
const Pug = sequelize.define('pug', { name: DataTypes.STRING });
Pug.belongsTo(Owner);
Owner.hasMany(Pug);
await sequelize.sync({ force: true });
await Owner.create({ name: 'Tom', pugs: [{ name: 'Cody' }] });

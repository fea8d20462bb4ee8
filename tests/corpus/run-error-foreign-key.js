const Owner = sequelize.define('owner', { name: DataTypes.STRING });
const Pug = sequelize.define('pug', { name: DataTypes.STRING });
Pug.belongsTo(Owner);
await sequelize.sync({ force: true });
await Pug.create({ name: 'Cody', ownerId: 42 });

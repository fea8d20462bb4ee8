const Owner = sequelize.define('owner', { name: DataTypes.STRING });
const Pug = sequelize.define('pug', { name: DataTypes.STRING });
Pug.belongsTo(Owner, { onDelete: 'RESTRICT' });
await sequelize.sync({ force: true });
const tom = await Owner.create({ name: 'Tom' });
await Pug.create({ name: 'Cody', ownerId: tom.id });
await tom.destroy();

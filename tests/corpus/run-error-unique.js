const Owner = sequelize.define('owner', { name: DataTypes.STRING });
const Pug = sequelize.define('pug', { name: { type: DataTypes.STRING, unique: true } });
Pug.belongsTo(Owner);
Owner.hasMany(Pug);
await sequelize.sync({ force: true });
await Pug.create({ name: 'Cody' });
await Pug.create({ name: 'Cody' });

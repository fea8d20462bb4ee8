const Owner = sequelize.define('owner', { name: DataTypes.STRING });
const Pug = sequelize.define('pug', { name: { type: DataTypes.STRING, unique: true } });
Pug.belongsTo(Owner);
Owner.hasMany(Pug);
await sequelize.sync({ force: true });
console.log(await Owner.findAll({ include: { model: Pug, attributes: ['id', 'nmae'] } }));

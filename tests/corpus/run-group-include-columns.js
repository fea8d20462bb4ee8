const Owner = sequelize.define('owner', { name: DataTypes.STRING });
const Pug = sequelize.define('pug', { name: DataTypes.STRING });
Owner.hasMany(Pug);
await sequelize.sync({ force: true });
await Owner.bulkCreate([{ name: 'Tom' }, { name: 'Ann' }]);
await Pug.bulkCreate([{ name: 'Dot', ownerId: 1 }, { name: 'Rex', ownerId: 1 }, { name: 'Bo', ownerId: 1 }]);
const rows = await Owner.findAll({ attributes: ['name', [sequelize.fn('COUNT', sequelize.col('pugs.id')), 'n']], include: [{ model: Pug, attributes: ['name'] }], group: ['owner.id'], order: [['id', 'ASC']] });
console.log(JSON.stringify(rows));

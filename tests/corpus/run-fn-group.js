const Owner = sequelize.define('owner', { name: DataTypes.STRING });
const Pug = sequelize.define('pug', { name: DataTypes.STRING, age: DataTypes.INTEGER });
Owner.hasMany(Pug);
Pug.belongsTo(Owner);
await sequelize.sync({ force: true });
const tom = await Owner.create({ name: 'Tom' });
const ann = await Owner.create({ name: 'Ann' });
await Owner.create({ name: 'Cy' });
await Pug.bulkCreate([
  { name: 'Dot', age: 3, ownerId: tom.id },
  { name: 'Rex', age: 5, ownerId: tom.id },
  { name: 'Bo', age: 2, ownerId: ann.id },
]);
const perOwner = await Pug.findAll({
  attributes: ['ownerId', [sequelize.fn('COUNT', sequelize.col('id')), 'pugCount']],
  group: ['ownerId'],
  order: [['ownerId', 'ASC']],
});
console.log(JSON.stringify(perOwner));
const stats = await Pug.findAll({
  attributes: [
    [sequelize.fn('MAX', sequelize.col('age')), 'oldest'],
    [sequelize.fn('MIN', sequelize.col('age')), 'youngest'],
    [sequelize.fn('SUM', sequelize.col('age')), 'total'],
  ],
  raw: true,
});
console.log(stats);
const counted = await Owner.findAll({
  attributes: { include: [[sequelize.fn('COUNT', sequelize.col('pugs.id')), 'pugCount']] },
  include: [{ model: Pug, attributes: [] }],
  group: ['owner.id'],
  order: [['id', 'ASC']],
});
console.log(counted.map((o) => [o.name, o.get('pugCount')]));
const lower = await Owner.findAll({
  where: sequelize.where(sequelize.fn('lower', sequelize.col('name')), 'tom'),
});
console.log(lower.map((o) => o.name));
const upper = await Owner.findAll({
  attributes: ['id', [sequelize.fn('upper', sequelize.col('name')), 'shout']],
  order: [[sequelize.fn('upper', sequelize.col('name')), 'DESC']],
});
console.log(JSON.stringify(upper));
const busy = await Pug.findAll({
  attributes: ['ownerId', [sequelize.fn('COUNT', sequelize.col('id')), 'n']],
  group: ['ownerId'],
  having: sequelize.where(sequelize.fn('COUNT', sequelize.col('id')), '>', 1),
});
console.log(JSON.stringify(busy));

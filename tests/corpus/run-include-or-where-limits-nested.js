const Owner = sequelize.define('owner', { name: DataTypes.STRING });
const Pet = sequelize.define('pet', { name: DataTypes.STRING, age: DataTypes.INTEGER, kind: DataTypes.STRING });
const Toy = sequelize.define('toy', { label: DataTypes.STRING });
Owner.hasMany(Pet);
Pet.belongsTo(Owner);
Pet.hasMany(Toy);
Toy.belongsTo(Pet);
await sequelize.sync({ force: true });
const [a, b] = await Owner.bulkCreate([{ name: 'A' }, { name: 'B' }, { name: 'C' }]);
await Pet.bulkCreate([
  { name: 'rex', age: 3, kind: 'dog', ownerId: a.id },
  { name: 'tom', age: 5, kind: 'cat', ownerId: a.id },
  { name: 'kit', age: 1, kind: 'cat', ownerId: b.id },
  { name: 'stray', age: 2, kind: 'dog' },
]);
await Toy.bulkCreate([{ label: 'ball', petId: 1 }, { label: 'bone', petId: 1 }, { label: 'yarn', petId: 3 }]);
const r1 = await Owner.findAll({
  include: [{ model: Pet, where: { [Op.or]: [{ kind: 'dog' }, { age: { [Op.gt]: 4 } }] } }],
  order: [['id', 'ASC'], [Pet, 'id', 'ASC']],
});
console.log(r1.map((o) => [o.name, o.pets.map((p) => p.name)]));
const r2 = await Owner.findAll({ include: [{ model: Pet, required: false, where: { kind: 'cat' } }], limit: 2, order: [['id', 'ASC']] });
console.log(r2.map((o) => [o.name, o.pets.map((p) => p.name)]));
const r3 = await Pet.findOne({ where: { name: 'rex' }, include: [{ model: Owner, include: [Pet] }] });
console.log(r3.owner.name, r3.owner.pets.length);
const r4 = await Pet.findAll({ include: [{ model: Toy, required: true }], order: [['id', 'ASC']], limit: 5 });
console.log(r4.map((p) => [p.name, p.toys.length]));
const r5 = await Owner.findAndCountAll({ include: [{ model: Pet, where: { kind: 'cat' } }], limit: 1 });
console.log(r5.count, r5.rows.map((o) => o.name));
const r6 = await Pet.findAll({ where: { ownerId: { [Op.is]: null } } });
console.log(r6.map((p) => p.name));
const r7 = await Owner.findAll({ include: { model: Pet, attributes: ['name'], include: { model: Toy, attributes: ['label'] } }, where: { name: 'A' } });
console.log(JSON.stringify(r7));

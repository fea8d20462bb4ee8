// The models and rows the one-to-many tutorial assumes, then its code blocks verbatim.
const Owner = sequelize.define('owner', { name: DataTypes.STRING });
const Pug = sequelize.define('pug', { name: DataTypes.STRING });

Pug.belongsTo(Owner)
Owner.hasMany(Pug)

await sequelize.sync({ force: true });
const tom = await Owner.create({ name: 'Tom' });
await Pug.create({ name: 'Cody', ownerId: tom.id });

// this is the same as one-one
const pugsWithTheirOwners = await Pug.findAll({
  include: [{model: Owner}]
})

console.log(pugsWithTheirOwners[0])

// the difference is that instead of a "pug" field, the owner has a "pugs" field, which is an array of all that owner's pugs
const ownersWithTheirPug = await Owner.findAll({
  include: [{model: 'Pug'}]
})

console.log(ownersWithTheirPug[0])

const Owner = sequelize.define('owner', { name: DataTypes.STRING });
const Profile = sequelize.define('profile', { bio: DataTypes.STRING });
const Pug = sequelize.define('pug', { name: DataTypes.STRING });
const Toy = sequelize.define('toy', { name: DataTypes.STRING });
const Tag = sequelize.define('tag', { label: DataTypes.STRING });
Owner.hasMany(Pug);
Owner.hasOne(Profile);
Pug.hasMany(Toy);
Pug.belongsToMany(Tag, { through: 'PugTags' });
await sequelize.sync({ force: true });
const tom = await Owner.create({
  name: 'Tom',
  pugs: [
    { name: 'D', toys: [{ name: 'ball' }, { name: 'rope' }], tags: [{ label: 'cute' }] },
    { name: 'A', toys: [{ name: 'bone' }] },
  ],
  profile: { bio: 'hi' },
}, { include: [{ model: Pug, include: [Toy, Tag] }, Profile] });
console.log(JSON.stringify(await Owner.findAll({ include: [{ model: Pug, include: [Toy, Tag] }, Profile], order: [['id'], [Pug, 'id'], [Pug, Toy, 'id']] })));

const User = sequelize.define('user', { name: DataTypes.STRING });
const Tag = sequelize.define('tag', { label: DataTypes.STRING });
User.belongsToMany(Tag, { through: 'UserTags' });
Tag.belongsToMany(User, { through: 'UserTags' });
await sequelize.sync({ force: true });
const u = await User.create({ name: 'Ann', tags: [{ label: 'x' }, { label: 'y' }] }, { include: Tag });
console.log(await u.countTags());

// An instance's where(), setAttributes, _previousDataValues, its class and its text.
const User = sequelize.define('User', { name: DataTypes.STRING, age: DataTypes.INTEGER });
await sequelize.sync({ force: true });
const u = await User.create({ name: 'Ann', age: 30 });
console.log(u.where(), u.constructor.name, u instanceof User, u.constructor === User, u instanceof Model);
u.setAttributes({ age: 31 });
console.log(u.get('age'), u.changed(), u.get({ plain: true }).age);
console.log(u._previousDataValues.age, Object.keys(u.dataValues));
console.log(String(u), `${u}`);
console.log(u.isSoftDeleted === undefined, typeof u.save, u.equals(await User.findByPk(u.id)));
const again = await User.findOne({ where: u.where() });
console.log(again.name);
console.log(User.build({ name: 'X' }).isNewRecord, (await User.findAll()).length);

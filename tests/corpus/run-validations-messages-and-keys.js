const User = sequelize.define('user', {
  name: { type: DataTypes.STRING, allowNull: false, validate: { notEmpty: { msg: 'Name is required' }, len: [2, 20] } },
  age: { type: DataTypes.INTEGER, validate: { min: 0, max: 130, isInt: true } },
  email: { type: DataTypes.STRING, validate: { isEmail: { msg: 'Must be a valid email' } } },
  role: { type: DataTypes.STRING, validate: { isIn: [['admin', 'user']] } },
});
await sequelize.sync({ force: true });
for (const data of [{ name: '', age: 5 }, { name: 'A', age: -1, email: 'nope' }, { name: 'Bob', role: 'boss' }, { age: 3 }, { name: 'Ok', age: 200 }]) {
  try {
    await User.create(data);
  } catch (err) {
    console.log(err.name, err.errors.map((e) => `${e.path}: ${e.message} (${e.validatorKey})`));
  }
}
const ok = User.build({ name: 'Zed', age: 40 });
await ok.validate();
await ok.save();
console.log(ok.id);
try {
  await ok.update({ age: 'old' });
} catch (err) {
  console.log(err.message);
}

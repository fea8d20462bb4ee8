const User = sequelize.define('user', {
  name: { type: DataTypes.STRING, allowNull: false, validate: { notEmpty: true, len: [2, 10] } },
  email: { type: DataTypes.STRING, validate: { isEmail: { msg: 'Must be a valid email address' } } },
  role: { type: DataTypes.STRING, validate: { isIn: [['admin', 'member']] } },
  age: { type: DataTypes.INTEGER, validate: { min: 0, max: 150, isInt: true } },
  code: { type: DataTypes.STRING, validate: { is: /^[a-z]+$/i, notContains: 'x' } },
});
await sequelize.sync({ force: true });
try { await User.create({ name: '', email: 'nope' }); } catch (e) { console.log(e.name, e.message); }
try { await User.create({ email: 'a@b.c' }); } catch (e) { console.log(e.name, e.message); }
try {
  await User.create({ name: 'Ann', role: 'boss', age: 200, code: 'ab1' });
} catch (e) {
  console.log(e.errors.map((x) => [x.path, x.message, x.type, x.validatorKey]));
}
const ann = await User.create({ name: 'Ann', email: 'ann@example.com', role: 'admin', age: 30, code: 'Abc' });
console.log(ann.name, ann.role);
ann.age = -1;
try { await ann.save(); } catch (e) { console.log(e.message); }
try { await ann.update({ name: 'A' }); } catch (e) { console.log(e.message); }
await User.bulkCreate([{ name: 'B', email: 'bad' }]);
console.log(await User.count());

// Custom attribute validators next to built-in ones: the order Sequelize lists the
// failures in, a thrown string, an async validator, updates that validate only what
// they change, and validate: false.
const { Sequelize, DataTypes } = require('sequelize');
const sequelize = new Sequelize('sqlite::memory:', { logging: false });
const Account = sequelize.define('Account', {
  handle: {
    type: DataTypes.STRING,
    allowNull: false,
    validate: {
      len: [3, 10],
      noSpaces(value) {
        if (/\s/.test(value)) throw new Error('Handle must not contain spaces');
      },
    },
  },
  age: {
    type: DataTypes.INTEGER,
    validate: {
      isEven(value) {
        if (value % 2 !== 0) throw 'Age must be even';
      },
      async notTooOld(value) {
        if (value > 120) throw new Error('Too old');
      },
    },
  },
  email: { type: DataTypes.STRING, validate: { isEmail: true } },
});
await sequelize.sync();
const show = (e) => console.log(e.name, e.message, e.errors.map((x) => `${x.path}:${x.validatorKey}:${x.message}`));
try {
  await Account.create({ handle: 'a b', age: 3, email: 'nope' });
} catch (e) {
  show(e);
}
try {
  await Account.create({ age: 200 });
} catch (e) {
  show(e);
}
const ok = await Account.create({ handle: 'ann', age: 30 });
try {
  await ok.update({ age: 31 });
} catch (e) {
  show(e);
}
await ok.update({ email: 'ann@example.com' });
try {
  await Account.update({ handle: 'x y z' }, { where: { id: ok.id } });
} catch (e) {
  show(e);
}
await Account.update({ handle: 'x y z' }, { where: { id: ok.id }, validate: false });
await ok.reload();
console.log(ok.handle, ok.age, ok.email);
const built = Account.build({ handle: 'zz top', age: 5 });
try {
  await built.validate();
} catch (e) {
  show(e);
}

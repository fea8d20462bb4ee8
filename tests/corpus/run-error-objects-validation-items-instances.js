// Errors as objects: what console.log(err) and JSON show of a ValidationError, its items
// (each with the instance and the validator's own error) and the validators' arguments.
const User = sequelize.define('user', {
  email: { type: DataTypes.STRING, allowNull: false, unique: true, validate: { isEmail: true } },
  name: { type: DataTypes.STRING, validate: { len: [2, 10], notEmpty: { msg: 'Name is required' } } },
  age: {
    type: DataTypes.INTEGER,
    validate: {
      min: 18,
      isEven(value) {
        if (value % 2) throw new Error('Age must be even');
      },
    },
  },
}, { timestamps: false });
const Check = sequelize.define('check', {
  a: { type: DataTypes.STRING, validate: { isInt: true } },
  b: { type: DataTypes.STRING, validate: { isUrl: true } },
  c: { type: DataTypes.STRING, validate: { isAlpha: true } },
  d: { type: DataTypes.STRING, validate: { isIn: [['x', 'y']] } },
  e: { type: DataTypes.STRING, validate: { len: { args: [3, 5], msg: 'bad length' } } },
  f: { type: DataTypes.STRING, validate: { is: /^[a-z]+$/i } },
  g: { type: DataTypes.STRING, validate: { isUUID: 4 } },
  h: { type: DataTypes.STRING, validate: { contains: 'foo' } },
}, { timestamps: false });
await sequelize.sync({ force: true });

try {
  await User.create({ email: 'nope', name: 'X', age: 17 });
} catch (err) {
  console.log(err);
  console.log(Object.keys(err), err.name, err instanceof Error);
}

try {
  await User.create({ name: 'Xavier' });
} catch (err) {
  console.log(err.errors);
}

const ann = await User.create({ email: 'ann@example.com', name: 'Ann', age: 20 });
try {
  await User.create({ email: 'ann@example.com', name: 'Bob' });
} catch (err) {
  console.log(err.errors[0]);
  console.log(err.errors[0].instance.name, err.errors[0].instance.id);
}

try {
  await ann.update({ age: 21 });
} catch (err) {
  const rows = err.errors.map((i) => [i.path, i.validatorKey, i.validatorName, i.origin, i.instance === ann, JSON.stringify(i.original)]);
  console.log(err.message, rows);
}

try {
  await Check.create({ a: 'y', b: 'nope', c: '12', d: 'z', e: 'ab', f: '12', g: 'u', h: 'bar' });
} catch (err) {
  for (const item of err.errors) {
    console.log(item.path, item.validatorKey, JSON.stringify(item.validatorArgs), JSON.stringify(item.original));
  }
}

try {
  await User.findOne({ where: { name: 'Zed' }, rejectOnEmpty: true });
} catch (err) {
  console.log(JSON.stringify(err), String(err), err instanceof Error, err.name, err.message === '');
}

const made = new Sequelize.ValidationError('Made by hand', []);
console.log(JSON.stringify(made), made.message, Object.keys(made));

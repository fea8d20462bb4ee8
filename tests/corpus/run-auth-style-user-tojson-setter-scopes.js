class User extends Model {
  toJSON() {
    const values = { ...this.get() };
    delete values.password;
    return values;
  }
  checkPassword(plain) {
    return this.password === `hashed:${plain}`;
  }
}
User.init({
  username: { type: DataTypes.STRING, unique: true },
  password: {
    type: DataTypes.STRING,
    set(value) { this.setDataValue('password', `hashed:${value}`); },
  },
  role: { type: DataTypes.STRING, defaultValue: 'user' },
}, {
  sequelize,
  modelName: 'user',
  defaultScope: { attributes: { exclude: ['password'] } },
  scopes: { withPassword: { attributes: { include: ['password'] } } },
  hooks: {
    beforeCreate: (user) => { user.username = user.username.toLowerCase(); },
  },
});
await sequelize.sync({ force: true });
const u = await User.create({ username: 'Alice', password: 's3cret' });
console.log(JSON.stringify(u), u.password);
const plain = await User.findOne({ where: { username: 'alice' } });
console.log(plain.password, Object.keys(plain.get()));
const full = await User.scope('withPassword').findOne({ where: { username: 'alice' } });
console.log(full.checkPassword('s3cret'), full.checkPassword('nope'));
console.log(JSON.stringify(await User.findAll()));
await full.update({ password: 'n3w' });
console.log((await User.scope('withPassword').findByPk(full.id)).password);

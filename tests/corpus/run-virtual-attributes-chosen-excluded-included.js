const User = sequelize.define('user', {
  firstName: DataTypes.STRING,
  password: DataTypes.STRING,
  shout: { type: DataTypes.VIRTUAL, get() { return `${this.firstName}!`; } },
});
await sequelize.sync({ force: true });
await User.create({ firstName: 'Ada', password: 'p' });
console.log((await User.findOne({ attributes: ['firstName', 'shout'] })).toJSON());
console.log((await User.findOne({ attributes: ['firstName'] })).toJSON());
console.log((await User.findOne({ attributes: { exclude: ['password'] } })).toJSON());
console.log((await User.findOne({ attributes: { exclude: ['password', 'shout'] } })).toJSON());
console.log((await User.findOne({ attributes: { include: ['password'] } })).toJSON());
console.log((await User.findOne()).toJSON());

const User = sequelize.define('user', {
  firstName: DataTypes.STRING,
  lastName: DataTypes.STRING,
  fullName: {
    type: DataTypes.VIRTUAL,
    get() { return `${this.firstName} ${this.lastName}`; },
    set(value) { const [f, l] = value.split(' '); this.setDataValue('firstName', f); this.setDataValue('lastName', l); },
  },
  email: {
    type: DataTypes.STRING,
    get() { const raw = this.getDataValue('email'); return raw ? raw.toUpperCase() : null; },
    set(value) { this.setDataValue('email', value.trim().toLowerCase()); },
  },
});
await sequelize.sync({ force: true });
const u = await User.create({ fullName: 'Ann Lee', email: '  ANN@X.IO ' });
console.log(u.firstName, u.lastName, u.fullName, u.email);
console.log(JSON.stringify(u));
const found = await User.findByPk(1);
console.log(found.fullName, found.get('email'), found.getDataValue('email'));
console.log(found.toJSON());
found.fullName = 'Bo Ray';
await found.save();
console.log((await User.findAll({ attributes: ['id', 'firstName'] })).map((x) => x.toJSON()));

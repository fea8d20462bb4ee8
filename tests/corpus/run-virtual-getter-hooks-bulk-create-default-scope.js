const log = [];
const User = sequelize.define('user', {
  firstName: DataTypes.STRING,
  lastName: DataTypes.STRING,
  password: DataTypes.STRING,
  fullName: {
    type: DataTypes.VIRTUAL,
    get() { return `${this.firstName} ${this.lastName}`; },
    set() { throw new Error('Do not try to set the `fullName` value!'); },
  },
}, {
  hooks: {
    beforeValidate: (user) => { log.push(`beforeValidate ${user.firstName}`); },
    beforeCreate: async (user) => { user.password = `hashed:${user.password}`; },
    afterCreate: (user, options) => { log.push(`afterCreate ${user.id}`); },
    beforeBulkCreate: (users) => { log.push(`beforeBulkCreate ${users.length}`); },
    afterDestroy: (user) => { log.push(`afterDestroy ${user.id}`); },
  },
  defaultScope: { attributes: { exclude: ['password'] } },
  scopes: { withPassword: { attributes: { include: ['password'] } } },
});
await sequelize.sync({ force: true });
const u = await User.create({ firstName: 'Ada', lastName: 'Lovelace', password: 'secret' });
console.log(u.fullName, u.password);
await User.bulkCreate([{ firstName: 'Alan', lastName: 'Turing', password: 'x' }, { firstName: 'Grace', lastName: 'Hopper', password: 'y' }]);
const found = await User.findByPk(u.id);
console.log(found.toJSON(), found.fullName);
const withPw = await User.scope('withPassword').findByPk(u.id);
console.log(withPw.password);
try { found.fullName = 'X Y'; } catch (e) { console.log(e.message); }
await found.destroy();
console.log(log);
console.log(await User.unscoped().count());

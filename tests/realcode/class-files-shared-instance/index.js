const sequelize = require('./lib/sequelize');
const { User, Role } = require('./models');

(async () => {
  await sequelize.sync({ force: true });
  const [admin, editor] = await Role.bulkCreate([{ name: 'admin' }, { name: 'editor' }]);
  const user = await User.create({ login: 'root' });
  await user.addRoles([admin, editor]);
  const loaded = await User.findOne({ include: 'roles' });
  console.log(loaded.displayName, loaded.roles.map((r) => r.name).sort());
})();

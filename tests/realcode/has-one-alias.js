const { Sequelize, DataTypes } = require('sequelize');
const sequelize = new Sequelize('sqlite::memory:');

const User = sequelize.define('User', { name: DataTypes.STRING });
const Profile = sequelize.define('Profile', { avatarUrl: DataTypes.STRING });

User.hasOne(Profile, { as: 'profile', foreignKey: 'userId' });
Profile.belongsTo(User, { as: 'owner', foreignKey: 'userId' });

(async () => {
  await sequelize.sync({ force: true });
  const user = await User.create({ name: 'Grace' });
  await user.createProfile({ avatarUrl: 'grace.png' });
  const found = await Profile.findOne({ include: { model: User, as: 'owner' } });
  console.log(found.owner.name, found.avatarUrl);
})();

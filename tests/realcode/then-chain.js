const { Sequelize, DataTypes } = require('sequelize');
const sequelize = new Sequelize('sqlite::memory:');

const User = sequelize.define('user', { name: DataTypes.STRING });
const Profile = sequelize.define('profile', { bio: DataTypes.STRING });

User.hasOne(Profile);
Profile.belongsTo(User);

sequelize.sync({ force: true })
  .then(() => User.create({ name: 'Ada' }))
  .then(user => user.createProfile({ bio: 'Mathematician' }))
  .then(() => User.findAll({ include: Profile }))
  .then(users => {
    console.log(users.map(u => u.name + ': ' + u.profile.bio));
  })
  .catch(err => {
    console.log('Error:', err.message);
  });

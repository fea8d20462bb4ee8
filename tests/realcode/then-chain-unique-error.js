const { Sequelize, DataTypes } = require('sequelize');
const sequelize = new Sequelize('sqlite::memory:');

const Account = sequelize.define('Account', {
  email: { type: DataTypes.STRING, unique: true, allowNull: false },
});

sequelize.sync()
  .then(() => Account.create({ email: 'a@example.com' }))
  .then(() => Account.create({ email: 'a@example.com' }))
  .then(() => console.log('created twice?'))
  .catch(err => console.log(err.name));

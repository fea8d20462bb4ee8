const { Model, DataTypes } = require('sequelize');
const sequelize = require('../lib/sequelize');

class User extends Model {
  get displayName() {
    return `@${this.login}`;
  }
}

User.init({
  login: { type: DataTypes.STRING, allowNull: false, unique: true },
}, { sequelize });

module.exports = User;

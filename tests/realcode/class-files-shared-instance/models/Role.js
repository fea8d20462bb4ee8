const { Model, DataTypes } = require('sequelize');
const sequelize = require('../lib/sequelize');

class Role extends Model {}

Role.init({
  name: { type: DataTypes.STRING, allowNull: false },
}, { sequelize, timestamps: false });

module.exports = Role;

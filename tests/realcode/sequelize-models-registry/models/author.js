const { DataTypes } = require('sequelize');
const sequelize = require('../database');

sequelize.define('Author', {
  name: { type: DataTypes.STRING, allowNull: false },
});

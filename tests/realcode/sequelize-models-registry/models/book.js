const { DataTypes } = require('sequelize');
const sequelize = require('../database');

sequelize.define('Book', {
  title: DataTypes.STRING,
  isbn: { type: DataTypes.STRING, unique: true },
});

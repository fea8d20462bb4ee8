const { DataTypes } = require('sequelize');
const sequelize = require('../database');

sequelize.define('Review', {
  stars: { type: DataTypes.INTEGER, validate: { min: 1, max: 5 } },
});

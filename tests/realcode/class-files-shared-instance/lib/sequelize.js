const { Sequelize } = require('sequelize');

module.exports = new Sequelize('mysql://app:app@localhost:3306/app', { logging: false });

'use strict';
const { Model } = require('sequelize');
module.exports = (sequelize, DataTypes) => {
  class User extends Model {
    static associate(models) {
      User.hasMany(models.Post, { foreignKey: 'authorId', as: 'posts' });
    }
  }
  User.init({ firstName: DataTypes.STRING, email: DataTypes.STRING }, { sequelize, modelName: 'User' });
  return User;
};

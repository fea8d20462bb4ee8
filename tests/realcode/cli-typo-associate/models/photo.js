'use strict';
const { Model } = require('sequelize');
module.exports = (sequelize, DataTypes) => {
  class Photo extends Model {
    static associate(models) {
      Photo.belongsTo(models.User, { foreignKey: 'userId' });
    }
  }
  Photo.init({ url: DataTypes.STRING, userId: DataTypes.INTEGER }, { sequelize, modelName: 'Photo' });
  return Photo;
};

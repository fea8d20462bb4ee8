'use strict';
const { Model } = require('sequelize');
module.exports = (sequelize, DataTypes) => {
  class Account extends Model {
    static associate(models) {
      Account.hasMany(models.Transaction, { as: 'transactions', foreignKey: 'accountId' });
    }
  }
  Account.init({
    ownerName: DataTypes.STRING,
    openedOn: DataTypes.DATEONLY
  }, { sequelize, modelName: 'Account' });
  return Account;
};

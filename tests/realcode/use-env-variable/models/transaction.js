'use strict';
const { Model } = require('sequelize');
module.exports = (sequelize, DataTypes) => {
  class Transaction extends Model {
    static associate(models) {
      Transaction.belongsTo(models.Account, { as: 'account', foreignKey: 'accountId' });
    }
  }
  Transaction.init({
    amountCents: DataTypes.INTEGER,
    memo: DataTypes.STRING
  }, { sequelize, modelName: 'Transaction' });
  return Transaction;
};

'use strict';
const { Model } = require('sequelize');
module.exports = (sequelize, DataTypes) => {
  class Order extends Model {
    static associate(models) {
      Order.belongsTo(models.Customer, { foreignKey: 'customerId', as: 'customer' });
      Order.belongsToMany(models.Product, { through: 'OrderProducts', foreignKey: 'orderId', otherKey: 'productId', as: 'products' });
    }
  }
  Order.init({
    status: { type: DataTypes.STRING, defaultValue: 'new' },
    customerId: DataTypes.INTEGER
  }, {
    sequelize,
    modelName: 'Order',
  });
  return Order;
};

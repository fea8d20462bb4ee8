'use strict';
module.exports = function (sequelize, DataTypes) {
  var Address = sequelize.define('Address', {
    street: DataTypes.STRING,
    zip: DataTypes.STRING(10)
  }, {
    tableName: 'addresses'
  });

  Address.associate = function (models) {
    Address.belongsTo(models.Member, { as: 'resident', foreignKey: 'memberId', onDelete: 'CASCADE' });
  };

  return Address;
};

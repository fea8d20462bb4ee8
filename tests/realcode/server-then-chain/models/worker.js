'use strict';
const { Model } = require('sequelize');
module.exports = (sequelize, DataTypes) => {
  class Worker extends Model {
    static associate(models) {
      Worker.belongsTo(models.Department, { as: 'department', foreignKey: 'departmentId' });
    }
  }
  Worker.init({ name: DataTypes.STRING, salary: DataTypes.INTEGER }, { sequelize, modelName: 'Worker' });
  return Worker;
};

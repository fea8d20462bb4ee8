'use strict';
const { Model } = require('sequelize');
module.exports = (sequelize, DataTypes) => {
  class Department extends Model {
    static associate(models) {
      Department.hasMany(models.Worker, { as: 'workers', foreignKey: 'departmentId' });
      Department.belongsTo(models.Worker, { as: 'manager', foreignKey: 'managerId', constraints: false });
    }
  }
  Department.init({ name: DataTypes.STRING }, { sequelize, modelName: 'Department' });
  return Department;
};

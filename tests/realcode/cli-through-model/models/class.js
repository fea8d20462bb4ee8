'use strict';
const { Model } = require('sequelize');
module.exports = (sequelize, DataTypes) => {
  class Class extends Model {
    static associate(models) {
      Class.belongsToMany(models.Student, {
        through: models.Enrollment,
        foreignKey: 'classId',
        otherKey: 'studentId',
        as: 'students',
      });
    }
  }
  Class.init({ subject: DataTypes.STRING }, { sequelize, modelName: 'Class' });
  return Class;
};

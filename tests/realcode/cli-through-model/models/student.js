'use strict';
const { Model } = require('sequelize');
module.exports = (sequelize, DataTypes) => {
  class Student extends Model {
    static associate(models) {
      Student.belongsToMany(models.Class, {
        through: models.Enrollment,
        foreignKey: 'studentId',
        otherKey: 'classId',
        as: 'classes',
      });
      Student.hasMany(models.Enrollment, { foreignKey: 'studentId', as: 'enrollments' });
    }
  }
  Student.init({ name: DataTypes.STRING }, { sequelize, modelName: 'Student' });
  return Student;
};

'use strict';
const { Model } = require('sequelize');
module.exports = (sequelize, DataTypes) => {
  class Enrollment extends Model {
    static associate(models) {
      Enrollment.belongsTo(models.Student, { foreignKey: 'studentId' });
      Enrollment.belongsTo(models.Class, { foreignKey: 'classId' });
    }
  }
  Enrollment.init({
    studentId: { type: DataTypes.INTEGER, primaryKey: true },
    classId: { type: DataTypes.INTEGER, primaryKey: true },
    grade: DataTypes.STRING
  }, { sequelize, modelName: 'Enrollment' });
  return Enrollment;
};

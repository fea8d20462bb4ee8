'use strict';
const { Model } = require('sequelize');
module.exports = (sequelize, DataTypes) => {
  class Course extends Model {
    static associate(models) {
      Course.belongsToMany(models.Teacher, { through: 'CourseTeachers', as: 'teachers' });
      Course.belongsTo(models.Room, { as: 'room' });
    }
  }
  Course.init({ code: DataTypes.STRING, credits: DataTypes.INTEGER }, { sequelize, modelName: 'Course' });
  return Course;
};

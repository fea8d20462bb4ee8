'use strict';
module.exports = (sequelize, DataTypes) => {
  const Task = sequelize.define('Task', {
    title: DataTypes.STRING,
    dueDate: DataTypes.DATE,
    userId: DataTypes.INTEGER
  }, {});
  Task.associate = function(models) {
    Task.belongsTo(models.User, { as: 'user', foreignKey: 'userId' });
  };
  return Task;
};

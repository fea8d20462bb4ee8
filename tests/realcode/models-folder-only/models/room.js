'use strict';
module.exports = (sequelize, DataTypes) => {
  const Room = sequelize.define('Room', {
    number: { type: DataTypes.STRING, allowNull: false },
    capacity: DataTypes.INTEGER
  }, {
    timestamps: false
  });
  Room.associate = function (models) {
    Room.hasMany(models.Course, { foreignKey: 'roomId' });
  };
  return Room;
};

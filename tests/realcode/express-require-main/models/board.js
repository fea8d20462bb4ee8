'use strict';
module.exports = (sequelize, DataTypes) => {
  const Board = sequelize.define('Board', {
    title: { type: DataTypes.STRING, allowNull: false }
  });
  Board.associate = function (models) {
    Board.hasMany(models.Card, { as: 'cards', foreignKey: 'boardId', onDelete: 'CASCADE' });
  };
  return Board;
};

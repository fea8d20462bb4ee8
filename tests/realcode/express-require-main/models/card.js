'use strict';
module.exports = (sequelize, DataTypes) => {
  const Card = sequelize.define('Card', {
    text: DataTypes.STRING,
    position: { type: DataTypes.INTEGER, defaultValue: 0 }
  });
  Card.associate = function (models) {
    Card.belongsTo(models.Board, { as: 'board', foreignKey: 'boardId' });
  };
  return Card;
};

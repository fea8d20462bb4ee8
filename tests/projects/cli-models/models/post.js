'use strict';
module.exports = (sequelize, DataTypes) => {
  const Post = sequelize.define('Post', { title: DataTypes.STRING }, {});
  Post.associate = function (models) {
    Post.belongsTo(models.User, { foreignKey: 'authorId', as: 'author' });
  };
  return Post;
};

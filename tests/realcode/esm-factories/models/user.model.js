import { Model } from 'sequelize';

export default (sequelize, DataTypes) => {
  class User extends Model {
    static associate(models) {
      User.hasMany(models.Comment, { foreignKey: 'authorId', as: 'comments' });
    }
  }
  User.init({ nickname: DataTypes.STRING }, { sequelize, modelName: 'User' });
  return User;
};

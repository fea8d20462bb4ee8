import { Model, DataTypes } from 'sequelize';

export default class Owner extends Model {
  static initModel(sequelize) {
    return Owner.init({
      name: DataTypes.STRING,
    }, { sequelize, modelName: 'Owner' });
  }

  static associate({ Repo }) {
    Owner.hasMany(Repo, { as: 'repos', foreignKey: 'ownerId' });
  }
}

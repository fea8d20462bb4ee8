import { Model, DataTypes } from 'sequelize';

export default class Repo extends Model {
  static initModel(sequelize) {
    return Repo.init({
      slug: { type: DataTypes.STRING, allowNull: false },
      stars: { type: DataTypes.INTEGER, defaultValue: 0 },
    }, { sequelize, modelName: 'Repo' });
  }

  static associate({ Owner }) {
    Repo.belongsTo(Owner, { as: 'owner', foreignKey: 'ownerId' });
  }
}

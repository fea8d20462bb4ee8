import { Sequelize } from 'sequelize';
import Owner from './Owner.js';
import Repo from './Repo.js';

export const sequelize = new Sequelize(process.env.DB_URL || 'postgres://localhost:5432/dev', { logging: false });

const models = { Owner: Owner.initModel(sequelize), Repo: Repo.initModel(sequelize) };
for (const model of Object.values(models)) {
  model.associate(models);
}

export default models;

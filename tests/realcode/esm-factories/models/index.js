import Sequelize, { DataTypes } from 'sequelize';
import userModel from './user.model.js';
import commentModel from './comment.model.js';

const sequelize = new Sequelize('app', 'app', 'secret', { host: 'db', dialect: 'postgres', logging: false });

const db = {
  User: userModel(sequelize, DataTypes),
  Comment: commentModel(sequelize, DataTypes),
};

Object.values(db)
  .filter((model) => typeof model.associate === 'function')
  .forEach((model) => model.associate(db));

db.sequelize = sequelize;
export default db;

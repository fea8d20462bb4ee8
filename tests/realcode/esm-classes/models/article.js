import { DataTypes, Model } from 'sequelize';
import { sequelize } from '../db.js';

export class Article extends Model {}

Article.init({
  title: DataTypes.STRING,
  published: { type: DataTypes.BOOLEAN, defaultValue: false },
}, { sequelize, modelName: 'Article' });

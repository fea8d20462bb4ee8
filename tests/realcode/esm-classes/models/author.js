import { DataTypes, Model } from 'sequelize';
import { sequelize } from '../db.js';

export class Author extends Model {}

Author.init({
  name: { type: DataTypes.STRING, allowNull: false },
}, { sequelize, modelName: 'Author' });

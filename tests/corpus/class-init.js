const { Model, DataTypes } = require('sequelize');
class Owner extends Model {}
Owner.init({ name: DataTypes.STRING }, { sequelize, modelName: 'owner' });
class Pug extends Model {}
Pug.init({ name: DataTypes.STRING }, { sequelize, modelName: 'pug' });
Pug.belongsTo(Owner);
Owner.hasMany(Pug);

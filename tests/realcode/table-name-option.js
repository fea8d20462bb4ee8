const { Sequelize, Model, DataTypes } = require('sequelize');
const sequelize = new Sequelize('sqlite::memory:');

class AppUser extends Model {}
AppUser.init({
  login: { type: DataTypes.STRING, allowNull: false, unique: true },
}, { sequelize, modelName: 'AppUser', tableName: 'app_users' });

class Session extends Model {}
Session.init({
  token: DataTypes.STRING,
  expiresAt: DataTypes.DATE,
}, { sequelize, modelName: 'Session', tableName: 'user_sessions', timestamps: false });

AppUser.hasMany(Session, { foreignKey: 'app_user_id' });
Session.belongsTo(AppUser, { foreignKey: 'app_user_id' });

sequelize.sync().then(() => console.log('tables:', AppUser.getTableName(), Session.getTableName()));

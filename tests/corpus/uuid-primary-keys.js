const Account = sequelize.define('account', {
  id: { type: DataTypes.UUID, defaultValue: DataTypes.UUIDV4, primaryKey: true },
  email: DataTypes.STRING,
});
const Session = sequelize.define('session', {
  id: { type: DataTypes.UUID, defaultValue: DataTypes.UUIDV4, primaryKey: true },
});
Account.hasMany(Session);
Session.belongsTo(Account);

const Users = sequelize.define('Users', {
  user_id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
  username: DataTypes.STRING,
}, { tableName: 'users', createdAt: 'created_at', updatedAt: 'updated_at' });
const Stories = sequelize.define('Stories', {
  story_id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
  created_by: { type: DataTypes.INTEGER, allowNull: false },
  title: DataTypes.STRING,
}, { tableName: 'stories', createdAt: 'created_at', updatedAt: 'updated_at' });
Users.hasOne(Stories, { foreignKey: 'created_by', as: 'story' });
Stories.belongsTo(Users, { foreignKey: 'created_by', as: 'author' });
await sequelize.sync({ force: true });
await Users.create({ username: 'boris', story: { title: 'cheeki breeki' } }, { include: 'story' });
console.log(await Users.findAll({ include: 'story' }));
console.log(await Stories.findAll({ include: 'author' }));
console.log(await Stories.findAll({ include: { model: Users, as: 'author', attributes: { exclude: ['username'] } } }));

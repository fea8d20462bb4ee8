const { Sequelize, DataTypes } = require('sequelize');

const sequelize = new Sequelize('sqlite::memory:', { logging: false });

const User = sequelize.define('User', {
  username: { type: DataTypes.STRING, allowNull: false },
  birthday: DataTypes.DATEONLY,
});

const Task = sequelize.define('Task', {
  title: DataTypes.STRING,
  done: { type: DataTypes.BOOLEAN, defaultValue: false },
});

User.hasMany(Task);
Task.belongsTo(User);

(async () => {
  await sequelize.sync({ force: true });
  const jane = await User.create({ username: 'janedoe', birthday: '1980-06-20' });
  await Task.create({ title: 'Write docs', UserId: jane.id });
  await Task.create({ title: 'Review PR', UserId: jane.id, done: true });
  const users = await User.findAll({ include: Task });
  console.log(JSON.stringify(users, null, 2));
})();

const db = require('./models');

async function run() {
  await db.sequelize.sync({ force: true });
  const user = await db.User.create({ firstName: 'John', lastName: 'Doe', email: 'john@example.com' });
  await db.Task.create({ title: 'Buy milk', userId: user.id });
  const users = await db.User.findAll({ include: [{ model: db.Task, as: 'tasks' }] });
  console.log(JSON.stringify(users, null, 2));
}

run();

const { sequelize, User, Post, Setting } = require('./models');

sequelize.sync({ force: true })
  .then(() => User.create({ username: 'mia', email: 'mia@example.com' }))
  .then(user => Promise.all([
    Post.create({ title: 'Hi', body: 'First post', userId: user.id }),
    Setting.create({ theme: 'dark', userId: user.id }),
  ]))
  .then(() => User.findOne({ where: { username: 'mia' }, include: ['posts', 'settings'] }))
  .then(user => {
    console.log(user.posts.map(p => p.title), user.settings.theme);
  })
  .catch(console.error);

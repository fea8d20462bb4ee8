const db = require('./models');
(async () => {
  await db.sequelize.sync({ force: true });
  const ann = await db.User.create({ firstName: 'Ann', email: 'ann@example.com' });
  await db.Post.create({ title: 'Hello', authorId: ann.id });
  const users = await db.User.findAll({ include: { model: db.Post, as: 'posts' } });
  console.log(JSON.stringify(users.map((u) => ({ name: u.firstName, posts: u.posts.map((p) => p.title) }))));
})();

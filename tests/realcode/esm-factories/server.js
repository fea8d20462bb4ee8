import db from './models/index.js';

const { User, Comment } = db;

db.sequelize.sync().then(async () => {
  const user = await User.create({ nickname: 'kit' });
  await user.createComment({ content: 'hello' });
  await user.createComment({ content: 'again' });
  const comments = await Comment.findAll({ include: { model: User, as: 'author' }, order: [['id', 'ASC']] });
  console.log(JSON.stringify(comments.map((c) => ({ text: c.content, by: c.author.nickname })), null, 2));
});

const models = require('./models');

const app = {
  routes: {},
  get(path, handler) { this.routes['GET ' + path] = handler; },
};

app.get('/boards', async (req, res) => {
  const boards = await models.Board.findAll({ include: [{ model: models.Card, as: 'cards' }], order: [['id', 'ASC']] });
  res.send(boards.map((b) => ({ title: b.title, cards: b.cards.map((c) => c.text) })));
});

async function start() {
  await models.sequelize.sync({ force: true });
  const board = await models.Board.create({ title: 'Sprint 1' });
  await models.Card.create({ text: 'Set up CI', boardId: board.id });
  await app.routes['GET /boards']({}, { send: (body) => console.log(JSON.stringify(body)) });
}

if (require.main === module) {
  start();
}

module.exports = app;

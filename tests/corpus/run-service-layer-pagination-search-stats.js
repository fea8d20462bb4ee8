// A service layer as an Express app would have it: pagination, search, counts.
const { Op } = require('sequelize');
const Author = sequelize.define('author', { name: DataTypes.STRING, country: DataTypes.STRING });
const Article = sequelize.define('article', {
  title: { type: DataTypes.STRING, allowNull: false },
  body: DataTypes.TEXT,
  status: { type: DataTypes.STRING, defaultValue: 'draft' },
  views: { type: DataTypes.INTEGER, defaultValue: 0 },
});
const Comment = sequelize.define('comment', { text: DataTypes.STRING });
Author.hasMany(Article, { as: 'articles', foreignKey: 'authorId' });
Article.belongsTo(Author, { as: 'author', foreignKey: 'authorId' });
Article.hasMany(Comment, { as: 'comments' });
Comment.belongsTo(Article);

async function seed() {
  const [ada, bo] = await Author.bulkCreate([{ name: 'Ada', country: 'UK' }, { name: 'Bo', country: 'SE' }]);
  const titles = ['Intro to SQL', 'Joins explained', 'Sequelize tips', 'Indexes', 'Transactions 101'];
  for (let i = 0; i < titles.length; i++) {
    await Article.create({ title: titles[i], body: `Body ${i}`, status: i % 2 ? 'published' : 'draft', views: i * 10, authorId: i < 3 ? ada.id : bo.id });
  }
  await Comment.bulkCreate([{ text: 'great', articleId: 1 }, { text: 'thanks', articleId: 1 }, { text: 'meh', articleId: 2 }]);
}

async function listArticles({ page = 1, pageSize = 2, search, status } = {}) {
  const where = {};
  if (search) where.title = { [Op.like]: `%${search}%` };
  if (status) where.status = status;
  const { count, rows } = await Article.findAndCountAll({
    where,
    include: [{ model: Author, as: 'author', attributes: ['id', 'name'] }],
    order: [['createdAt', 'DESC'], ['id', 'DESC']],
    limit: pageSize,
    offset: (page - 1) * pageSize,
  });
  return { total: count, pages: Math.ceil(count / pageSize), items: rows.map((a) => ({ id: a.id, title: a.title, by: a.author.name })) };
}

await sequelize.sync({ force: true });
await seed();
console.log(await listArticles());
console.log(await listArticles({ page: 2 }));
console.log(await listArticles({ search: 'S', status: 'published' }));
const popular = await Article.findAll({
  where: { views: { [Op.gte]: 20 } },
  attributes: ['title', 'views'],
  order: [['views', 'DESC']],
  limit: 2,
});
console.log(popular.map((a) => `${a.title} (${a.views})`).join('; '));
const withComments = await Article.findAll({
  include: [{ model: Comment, as: 'comments', required: true, attributes: ['text'] }],
  attributes: ['id', 'title'],
});
console.log(JSON.stringify(withComments));
const authorStats = await Author.findAll({
  include: [{ model: Article, as: 'articles', attributes: [] }],
  attributes: ['name', [sequelize.fn('COUNT', sequelize.col('articles.id')), 'articleCount'], [sequelize.fn('SUM', sequelize.col('articles.views')), 'totalViews']],
  group: ['author.id'],
  order: [['name', 'ASC']],
});
console.log(authorStats.map((a) => a.toJSON()));
const article = await Article.findByPk(3);
await article.increment('views', { by: 5 });
await article.update({ status: 'published' });
console.log(article.views, article.status);
await article.reload();
console.log(article.views);
const deleted = await Comment.destroy({ where: { text: { [Op.in]: ['meh', 'nope'] } } });
console.log('deleted', deleted);

const Author = sequelize.define('author', { name: DataTypes.STRING, active: { type: DataTypes.BOOLEAN, defaultValue: true } });
const Article = sequelize.define('article', { title: DataTypes.STRING, words: DataTypes.INTEGER, publishedAt: DataTypes.DATE });
Author.hasMany(Article);
Article.belongsTo(Author);
await sequelize.sync({ force: true });
const [a1, a2] = await Author.bulkCreate([{ name: 'Ann' }, { name: 'Ben', active: false }]);
await Article.bulkCreate([
  { title: 'Intro', words: 500, publishedAt: new Date('2024-03-01T10:00:00Z'), authorId: a1.id },
  { title: 'Deep dive', words: 3000, publishedAt: null, authorId: a1.id },
  { title: 'Notes', words: 120, publishedAt: new Date('2024-02-01T10:00:00Z'), authorId: a2.id },
]);
const published = await Article.findAll({
  where: { publishedAt: { [Op.ne]: null } },
  include: [{ model: Author, where: { active: true }, attributes: ['name'] }],
  order: [['publishedAt', 'DESC']],
});
console.log(published.map((p) => `${p.title} by ${p.author.name}`));
const longest = await Article.findOne({ include: Author, order: [['words', 'DESC']] });
console.log(longest.title, longest.author.name, longest.publishedAt);
const authors = await Author.findAll({
  include: [{ model: Article, where: sequelize.where(sequelize.col('words'), Op.gte, 300), required: false }],
  order: [['name', 'ASC'], [Article, 'id', 'ASC']],
});
console.log(authors.map((a) => [a.name, a.articles.map((x) => x.title)]));
const stats = await Article.findAll({
  attributes: ['authorId', [sequelize.fn('COUNT', '*'), 'n'], [sequelize.fn('SUM', sequelize.col('words')), 'total']],
  group: 'authorId',
  having: sequelize.where(sequelize.fn('SUM', sequelize.col('words')), { [Op.gt]: 200 }),
  raw: true,
});
console.log(stats);
const recent = await Article.count({ where: { publishedAt: { [Op.between]: [new Date('2024-01-01'), new Date('2024-02-15')] } } });
console.log(recent);

// An underscored blog: the join table's columns selected under their attributes' names, ORDER BY
// and GROUP BY of a renamed column by its alias, and findAndCountAll's two queries sent together.
const { Sequelize, DataTypes, Op, Model } = require('sequelize');
class User extends Model {
  get display() { return `${this.username} <${this.email}>`; }
  static async findByEmail(email) { return this.findOne({ where: { email } }); }
}
User.init({
  username: { type: DataTypes.STRING(30), allowNull: false, unique: true },
  email: { type: DataTypes.STRING, allowNull: false, validate: { isEmail: true } },
  role: { type: DataTypes.ENUM('admin', 'editor', 'reader'), defaultValue: 'reader' },
  active: { type: DataTypes.BOOLEAN, defaultValue: true },
}, { sequelize, modelName: 'user', underscored: true });
class Article extends Model {}
Article.init({
  title: { type: DataTypes.STRING, allowNull: false },
  body: DataTypes.TEXT,
  publishedAt: DataTypes.DATE,
  views: { type: DataTypes.INTEGER, defaultValue: 0 },
}, { sequelize, modelName: 'article', underscored: true });
class Tag extends Model {}
Tag.init({ name: { type: DataTypes.STRING, unique: true } }, { sequelize, modelName: 'tag', timestamps: false });
User.hasMany(Article, { as: 'articles', foreignKey: 'authorId' });
Article.belongsTo(User, { as: 'author', foreignKey: 'authorId' });
Article.belongsToMany(Tag, { through: 'article_tags', as: 'tags' });
Tag.belongsToMany(Article, { through: 'article_tags', as: 'articles' });
await sequelize.sync({ force: true });
const [ann, bob] = await User.bulkCreate([
  { username: 'ann', email: 'ann@example.com', role: 'admin' },
  { username: 'bob', email: 'bob@example.com' },
], { returning: true });
const tags = await Tag.bulkCreate(['js', 'sql', 'orm'].map((name) => ({ name })));
const a1 = await ann.createArticle({ title: 'Intro to ORMs', body: 'x'.repeat(20), publishedAt: new Date('2024-01-02T10:00:00Z'), views: 10 });
const a2 = await ann.createArticle({ title: 'Joins', publishedAt: new Date('2024-02-03T10:00:00Z'), views: 3 });
const a3 = await bob.createArticle({ title: 'Draft' });
await a1.setTags([tags[0], tags[2]]);
await a2.addTags([tags[1], tags[2]]);
const found = await User.findByEmail('ann@example.com');
console.log(found.display, found.role, found.active);
const published = await Article.findAll({
  where: { publishedAt: { [Op.ne]: null } },
  include: [{ model: User, as: 'author', attributes: ['username'] }, { model: Tag, as: 'tags', attributes: ['name'], through: { attributes: [] } }],
  order: [['publishedAt', 'DESC'], [{ model: Tag, as: 'tags' }, 'name', 'ASC']],
});
console.log(JSON.stringify(published.map((a) => ({ title: a.title, by: a.author.username, tags: a.tags.map((t) => t.name) }))));
const orm = await Tag.findOne({ where: { name: 'orm' }, include: { model: Article, as: 'articles', attributes: ['id', 'title'] } });
console.log(orm.articles.map((a) => a.title), orm.articles[0].article_tags.get({ plain: true }));
await Article.increment('views', { by: 5, where: { authorId: ann.id } });
const top = await Article.findAll({ attributes: ['title', 'views'], order: [['views', 'DESC']], limit: 2 });
console.log(top.map((a) => a.toJSON()));
const stats = await Article.findAll({
  attributes: ['authorId', [sequelize.fn('COUNT', sequelize.col('id')), 'count'], [sequelize.fn('MAX', sequelize.col('views')), 'maxViews']],
  group: ['authorId'],
  order: [['authorId', 'ASC']],
  raw: true,
});
console.log(stats);
const drafts = await bob.getArticles({ where: { publishedAt: null } });
console.log(drafts.length, drafts[0].title, await bob.countArticles());
await a3.update({ publishedAt: new Date('2024-03-01T00:00:00Z'), title: 'Published draft' });
console.log(a3.changed(), a3.previous('title'));
const { count, rows } = await Article.findAndCountAll({ where: { title: { [Op.iLike]: '%o%' } }, limit: 1, offset: 1, order: [['id', 'ASC']] });
console.log(count, rows.map((r) => r.title));
try {
  await User.create({ username: 'ann', email: 'dup@example.com' });
} catch (e) {
  console.log(e.name, e.errors.map((x) => `${x.path}: ${x.message}`));
}
await ann.destroy();
console.log(await Article.count(), (await Article.findByPk(a1.id)).authorId);

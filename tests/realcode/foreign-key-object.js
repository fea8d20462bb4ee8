const { Sequelize, DataTypes } = require('sequelize');
const sequelize = new Sequelize('sqlite::memory:');

const Article = sequelize.define('Article', { headline: DataTypes.STRING });
const Remark = sequelize.define('Remark', { text: DataTypes.STRING });

Article.hasMany(Remark, {
  foreignKey: { name: 'articleId', allowNull: false },
  onDelete: 'CASCADE',
});
Remark.belongsTo(Article, { foreignKey: { name: 'articleId', allowNull: false } });

(async () => {
  await sequelize.sync({ force: true });
  const article = await Article.create({ headline: 'News' });
  await Remark.create({ text: 'First!', articleId: article.id });
  await article.destroy();
  console.log('remarks left:', await Remark.count());
})();

class Author extends Model {}
Author.init({ name: DataTypes.STRING }, { sequelize });
class Article extends Model {}
Article.init({ title: DataTypes.STRING }, { sequelize, tableName: 'articles_table' });
Author.hasMany(Article);
Article.belongsTo(Author);

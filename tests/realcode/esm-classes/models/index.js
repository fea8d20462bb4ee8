import { Author } from './author.js';
import { Article } from './article.js';

Author.hasMany(Article, { as: 'articles', foreignKey: 'authorId' });
Article.belongsTo(Author, { as: 'author', foreignKey: 'authorId' });

export { Author, Article };

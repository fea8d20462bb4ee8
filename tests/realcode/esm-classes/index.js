import { sequelize } from './db.js';
import { Author, Article } from './models/index.js';

await sequelize.sync({ force: true });
const author = await Author.create({ name: 'Toni' });
await Article.create({ title: 'Beloved', authorId: author.id, published: true });
const articles = await Article.findAll({ include: 'author' });
console.log(articles.map(a => `${a.title} by ${a.author.name}`));

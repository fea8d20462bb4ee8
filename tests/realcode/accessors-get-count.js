const { Sequelize, DataTypes } = require('sequelize');
const sequelize = new Sequelize('sqlite::memory:');

const Author = sequelize.define('Author', { name: DataTypes.STRING });
const Book = sequelize.define('Book', { title: DataTypes.STRING });
Author.hasMany(Book);
Book.belongsTo(Author);

(async () => {
  await sequelize.sync({ force: true });
  const author = await Author.create({ name: 'Le Guin' });
  await author.createBook({ title: 'The Dispossessed' });
  await author.createBook({ title: 'The Lathe of Heaven' });
  const books = await author.getBooks({ order: [['title', 'ASC']] });
  console.log(books.map(b => b.title));
  console.log('count', await author.countBooks());
  const first = books[0];
  const writer = await first.getAuthor();
  console.log(writer.name);
})();

const sequelize = require('./database');
const { applyAssociations } = require('./associations');

const modelFiles = ['author', 'book', 'review'];
for (const file of modelFiles) {
  require(`./models/${file}`);
}
applyAssociations(sequelize);

async function main() {
  await sequelize.sync({ force: true });
  const { Author, Book, Review } = sequelize.models;
  const author = await Author.create({ name: 'Octavia' });
  const book = await Book.create({ title: 'Kindred', isbn: '978-0807083697', authorId: author.id });
  await Review.create({ stars: 5, BookId: book.id });
  const books = await Book.findAll({ include: [Author, Review] });
  console.log(books.map(b => ({ title: b.title, author: b.Author.name, stars: b.Reviews.map(r => r.stars) })));
}

main();

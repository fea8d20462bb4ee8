// Async callbacks over results: Promise.all of an async map (every query sent before
// any answer is read), a for...of with await, and reduce over awaited counts.
const { Sequelize, DataTypes } = require('sequelize');
const sequelize = new Sequelize('sqlite::memory:', { logging: false });
const Author = sequelize.define('Author', { name: DataTypes.STRING });
const Book = sequelize.define('Book', { title: DataTypes.STRING });
Author.hasMany(Book);
Book.belongsTo(Author);
await sequelize.sync();
const [ann, bob] = await Author.bulkCreate([{ name: 'Ann' }, { name: 'Bob' }]);
await Book.bulkCreate([{ title: 'a1', AuthorId: ann.id }, { title: 'a2', AuthorId: ann.id }, { title: 'b1', AuthorId: bob.id }]);
const authors = await Author.findAll({ order: [['id', 'ASC']] });
const summaries = await Promise.all(
  authors.map(async (author) => {
    const books = await author.getBooks({ order: [['id', 'ASC']] });
    console.log('loaded', author.name, books.length);
    return { name: author.name, titles: books.map((b) => b.title) };
  }),
);
console.log(summaries);
for (const author of authors) {
  const count = await author.countBooks();
  console.log(author.name, count);
}
const total = await authors.reduce(async (sum, author) => (await sum) + (await author.countBooks()), Promise.resolve(0));
console.log('total', total);
await Promise.all([Book.count(), Author.count()]).then(([b, a]) => console.log(b, a));

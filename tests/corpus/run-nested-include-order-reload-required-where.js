const Author = sequelize.define('author', { name: DataTypes.STRING });
const Book = sequelize.define('book', { title: DataTypes.STRING, year: DataTypes.INTEGER });
const Review = sequelize.define('review', { stars: DataTypes.INTEGER });
Author.hasMany(Book);
Book.belongsTo(Author);
Book.hasMany(Review);
Review.belongsTo(Book);
await sequelize.sync({ force: true });
const le = await Author.create({ name: 'Le Guin', books: [{ title: 'Earthsea', year: 1968 }, { title: 'Dispossessed', year: 1974 }] }, { include: [Book] });
const bu = await Author.create({ name: 'Butler' });
await Book.create({ title: 'Kindred', year: 1979, authorId: bu.id });
const [earthsea] = le.books;
await Review.bulkCreate([{ stars: 5, bookId: earthsea.id }, { stars: 4, bookId: earthsea.id }, { stars: 3, bookId: le.books[1].id }]);
const authors = await Author.findAll({
  include: [{ model: Book, include: [{ model: Review, attributes: ['stars'] }] }],
  order: [['name', 'ASC'], [Book, 'year', 'DESC'], [Book, Review, 'stars', 'ASC']],
});
console.log(JSON.stringify(authors.map((a) => ({ name: a.name, books: a.books.map((b) => ({ t: b.title, r: b.reviews.map((r) => r.stars) })) }))));
const books = await Book.findAll({ where: { year: { [Op.lt]: 1975 } }, include: { model: Author, attributes: ['name'] }, order: [['year', 'ASC']] });
console.log(books.map((b) => `${b.title} by ${b.author.name}`));
const reloaded = await le.reload({ include: [Book] });
console.log(reloaded.books.length);
const rated = await Book.findAll({ include: [{ model: Review, required: true, where: { stars: { [Op.gte]: 4 } } }] });
console.log(rated.map((b) => [b.title, b.reviews.length]));
const none = await Author.findAll({ include: [{ model: Book, required: false, where: { year: { [Op.gt]: 2000 } } }], order: [['id', 'ASC']] });
console.log(none.map((a) => [a.name, a.books.length]));

const Author = sequelize.define('author', { name: DataTypes.STRING });
const Book = sequelize.define('book', { title: DataTypes.STRING, year: DataTypes.INTEGER });
Author.hasMany(Book);
Book.belongsTo(Author);
await sequelize.sync({ force: true });
await Author.bulkCreate([{ name: 'Ann Lee' }, { name: 'Bob Marsh' }, { name: 'Cy Lee' }]);
await Book.bulkCreate([
  { title: 'Rivers', year: 1999, authorId: 1 },
  { title: 'Lee Shore', year: 2005, authorId: 2 },
  { title: 'Stones', year: 2010, authorId: 2 },
  { title: 'Tides', year: 2021, authorId: 1 },
]);
const q = '%Lee%';
const books = await Book.findAll({
  where: { [Op.or]: [{ title: { [Op.like]: q } }, { '$author.name$': { [Op.like]: q } }] },
  include: [{ model: Author }],
  order: [['id', 'ASC']],
});
console.log(books.map((b) => `${b.title} / ${b.author.name}`));
const authors = await Author.findAll({
  where: { [Op.or]: [{ name: 'Cy Lee' }, { '$books.year$': { [Op.gt]: 2008 } }] },
  include: [{ model: Book }],
  order: [['id', 'ASC'], [Book, 'id', 'ASC']],
});
console.log(authors.map((a) => [a.name, a.books.map((b) => b.title)]));

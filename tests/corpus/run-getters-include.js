const Author = sequelize.define('author', {
  first: DataTypes.STRING,
  last: DataTypes.STRING,
}, {
  getterMethods: {
    display() { return `${this.last}, ${this.first}`; },
  },
});
const Book = sequelize.define('book', {
  title: {
    type: DataTypes.STRING,
    get() { return this.getDataValue('title').toUpperCase(); },
  },
  pages: DataTypes.INTEGER,
  long: {
    type: DataTypes.VIRTUAL,
    get() { return this.pages > 300; },
  },
});
Author.hasMany(Book);
Book.belongsTo(Author);
await sequelize.sync({ force: true });
const ann = await Author.create({ first: 'Ann', last: 'Lee' });
await ann.createBook({ title: 'Short one', pages: 120 });
await ann.createBook({ title: 'Long one', pages: 640 });
const authors = await Author.findAll({ include: Book, order: [['id', 'ASC'], [Book, 'id', 'ASC']] });
console.log(JSON.stringify(authors));
console.log(authors[0].get({ plain: true }));
console.log(authors[0].books.map((b) => [b.title, b.long, b.get('title', { raw: true })]));
const book = Book.build({ title: 'draft', pages: 500 });
console.log(book.title, book.long, book.toJSON());
book.set('pages', 10);
console.log(book.long);

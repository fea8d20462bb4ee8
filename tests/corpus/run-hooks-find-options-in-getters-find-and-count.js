// What a beforeFind hook sets (order, attributes) applies to getters; afterFind sees their results; findAndCountAll runs beforeCount then beforeFind.
const Author = sequelize.define('Author', { name: DataTypes.STRING, code: { type: DataTypes.STRING, unique: true } });
const Book = sequelize.define('Book', { title: DataTypes.STRING, year: DataTypes.INTEGER });
Author.hasMany(Book);
Book.belongsTo(Author);
Book.belongsTo(Author, { as: 'Editor', foreignKey: 'editorCode', targetKey: 'code' });
Book.addHook('beforeFind', (options) => {
  console.log('Book beforeFind', Object.keys(options), options.limit);
  if (!options.plain) options.order = [['year', 'DESC']];
  if (!options.attributes) options.attributes = { exclude: ['createdAt'] };
});
Book.addHook('beforeCount', (options) => console.log('Book beforeCount', Object.keys(options), options.raw));
Book.addHook('afterFind', (found) => {
  if (Array.isArray(found)) found.forEach((b) => { b.seen = true; });
});
Author.addHook('beforeFind', (options) => console.log('Author beforeFind', Object.keys(options), options.limit, JSON.stringify(options.where)));
await sequelize.sync({ force: true });
const ann = await Author.create({ name: 'Ann', code: 'A1' });
await Book.bulkCreate([
  { title: 'Old', year: 1990, AuthorId: ann.id, editorCode: 'A1' },
  { title: 'New', year: 2020, AuthorId: ann.id },
  { title: 'Mid', year: 2005, AuthorId: ann.id },
]);
const books = await ann.getBooks();
console.log(books.map((b) => [b.title, b.seen]));
console.log((await ann.getBooks({ where: { year: 2005 } })).map((b) => b.title));
console.log(await ann.countBooks({ where: { year: 1990 } }));
console.log(await Book.count({ where: { year: 2020 } }));
const [fresh, , old] = await Book.findAll();
console.log((await old.getEditor()).name, await fresh.getEditor());
console.log((await old.getAuthor({ where: { name: 'Ann' } })).name);
const page = await Book.findAndCountAll({ attributes: ['title'], limit: 2 });
console.log(page.count, page.rows.map((b) => b.title));
const none = await Book.findAndCountAll({ where: { year: 1 } });
console.log(none);

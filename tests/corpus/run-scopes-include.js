class Author extends Model {}
Author.init({ name: DataTypes.STRING }, {
  sequelize,
  modelName: 'author',
  scopes: {
    withBooks() { return { include: [{ model: Book, as: 'books' }] }; },
  },
});
class Book extends Model {}
Book.init({ title: DataTypes.STRING, published: DataTypes.BOOLEAN }, {
  sequelize,
  modelName: 'book',
  defaultScope: { where: { published: true } },
  scopes: { drafts: { where: { published: false } } },
});
Author.hasMany(Book, { as: 'books' });
Book.belongsTo(Author);
await sequelize.sync({ force: true });
const ann = await Author.create({ name: 'Ann' });
await Author.create({ name: 'Bob' });
await Book.bulkCreate([
  { title: 'One', published: true, authorId: ann.id },
  { title: 'Two', published: false, authorId: ann.id },
]);
const authors = await Author.findAll({ include: [{ model: Book, as: 'books' }], order: [['id', 'ASC']] });
console.log(authors.map((a) => [a.name, a.books.map((b) => b.title)]));
const withBooks = await Author.scope('withBooks').findAll({ order: [['id', 'ASC']] });
console.log(withBooks.map((a) => [a.name, a.books.map((b) => b.title)]));
console.log(await Book.count(), await Book.unscoped().count(), await Book.scope('drafts').count());
const found = await Book.findByPk(2);
console.log(found);
const draft = await Book.scope('drafts').findByPk(2);
console.log(draft.title);
await Book.scope('drafts').update({ published: true }, { where: {} });
console.log((await Book.findAll({ order: [['id', 'ASC']] })).map((b) => b.title));
await Book.destroy({ where: { title: 'One' } });
console.log(await Book.unscoped().count());
try {
  Book.scope('missing');
} catch (e) {
  console.log(e.name, e.message);
}
try {
  Book.addScope('drafts', { where: { title: 'x' } });
} catch (e) {
  console.log(e.message);
}
Book.addScope('drafts', { where: { title: 'Two' } }, { override: true });
console.log(await Book.scope('drafts').count());

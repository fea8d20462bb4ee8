// Dropping tables: Model.drop and sequelize.drop, and what a query meets afterwards.
const { Sequelize, DataTypes } = require('sequelize');
const sequelize = new Sequelize('sqlite::memory:');
const Author = sequelize.define('Author', { name: DataTypes.STRING });
const Book = sequelize.define('Book', { title: DataTypes.STRING });
const Note = sequelize.define('Note', { text: DataTypes.STRING });
Author.hasMany(Book);
Book.belongsTo(Author);
await sequelize.sync();
await Author.create({ name: 'Ann' });
await Note.create({ text: 'n' });
await Book.create({ title: 'B', AuthorId: 1 });
try {
  await Author.drop();
} catch (e) {
  console.log(e.name, e.message);
}
console.log(await Book.findAll({ attributes: ['title', 'AuthorId'], raw: true }));
try {
  console.log(await Author.count());
} catch (e) {
  console.log(e.name, e.message);
}
await Note.drop();
try {
  await Note.findAll();
} catch (e) {
  console.log(e.name, e.message);
}
await sequelize.drop();
try {
  await Author.count();
} catch (e) {
  console.log(e.name, e.message);
}
await Note.drop();
await sequelize.drop({ cascade: true });

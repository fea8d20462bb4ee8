const Author = sequelize.define('author', {
  firstName: { type: DataTypes.STRING, allowNull: false, validate: { notEmpty: true } },
  lastName: DataTypes.STRING,
  fullName: {
    type: DataTypes.VIRTUAL,
    get() { return `${this.firstName} ${this.lastName}`; },
  },
  status: { type: DataTypes.ENUM('draft', 'active'), defaultValue: 'draft' },
}, { paranoid: true });
const Book = sequelize.define('book', {
  title: DataTypes.STRING,
  pages: DataTypes.INTEGER,
  published: { type: DataTypes.BOOLEAN, defaultValue: false },
  publishedAt: DataTypes.DATE,
});
Author.hasMany(Book, { as: 'books' });
Book.belongsTo(Author);
Author.addHook('beforeCreate', (author) => { author.lastName = author.lastName || 'Unknown'; });
await sequelize.sync({ force: true });
const tolkien = await Author.create({ firstName: 'J.R.R.', lastName: 'Tolkien' });
const anon = await Author.create({ firstName: 'Anon' });
console.log(anon.fullName, anon.status);
await Book.bulkCreate([
  { title: 'The Hobbit', pages: 310, published: true, publishedAt: new Date('1937-09-21T00:00:00Z'), authorId: tolkien.id },
  { title: 'Silmarillion', pages: 365, published: true, publishedAt: new Date('1977-09-15T00:00:00Z'), authorId: tolkien.id },
  { title: 'Drafts', pages: 12, authorId: anon.id },
]);
const [author, created] = await Author.findOrCreate({ where: { firstName: 'Anon' }, defaults: { lastName: 'X' } });
console.log(author.id, created);
const long = await Book.findAll({
  where: {
    [Op.and]: [
      { pages: { [Op.between]: [100, 400] } },
      { [Op.or]: [{ title: { [Op.startsWith]: 'The' } }, { title: { [Op.endsWith]: 'ion' } }] },
    ],
    publishedAt: { [Op.lt]: new Date('1970-01-01T00:00:00Z') },
  },
});
console.log(long.map((b) => b.title));
console.log(await Book.count({ where: { published: true, title: { [Op.notIn]: ['Drafts'] } } }));
const byStatus = await Book.count({ group: ['published'] });
console.log(byStatus);
const withBooks = await Author.findAll({
  include: [{ model: Book, as: 'books', required: false, where: { published: true } }],
  order: [['id', 'ASC']],
});
console.log(withBooks.map((a) => `${a.fullName}: ${a.books.length}`));
const one = await Book.findByPk(1, { include: [{ all: true }] });
console.log(one.author.fullName);
try {
  await Author.create({ firstName: '' });
} catch (e) {
  console.log(e.name, e.errors[0].message, e.errors[0].validatorKey);
}
await anon.destroy();
console.log(await Author.count(), await Author.count({ paranoid: false }));
const drafts = await Book.findAll({ include: [{ model: Author, paranoid: false }], where: { published: false } });
console.log(drafts[0].author.firstName);
await anon.restore();
const [n] = await Book.update({ published: true }, { where: { pages: { [Op.lt]: 50 } } });
console.log(n);
const fresh = Book.build({ title: 'Later', pages: 1 });
console.log(fresh.isNewRecord, fresh.published);
await fresh.save();
console.log(fresh.isNewRecord, fresh.id);
const t = await Book.findOne({ where: { title: 'Later' } });
t.pages = 2;
console.log(t.changed());
await t.save();
await t.reload();
console.log(t.pages);
console.log(JSON.stringify(await Author.findOne({ where: { id: 1 }, attributes: ['id', 'firstName', 'fullName'] })));

// Separate includes with limits, a literal subquery in Op.in, subQuery: false,
// a string group, an Op.or across an include, and aggregate() with distinct.
const { Sequelize, DataTypes, Op } = require('sequelize');
const sequelize = new Sequelize('sqlite::memory:', { logging: false });
const Author = sequelize.define('Author', { name: DataTypes.STRING });
const Book = sequelize.define('Book', { title: DataTypes.STRING, year: DataTypes.INTEGER });
Author.hasMany(Book);
Book.belongsTo(Author);
await sequelize.sync();
await Author.bulkCreate([{ name: 'A' }, { name: 'B' }, { name: 'C' }]);
await Book.bulkCreate([{ title: 'x', year: 2001, AuthorId: 1 }, { title: 'y', year: 2005, AuthorId: 1 }, { title: 'z', year: 2010, AuthorId: 2 }]);
console.log((await Author.findAll({ include: [{ model: Book, separate: true, limit: 1, order: [['year', 'DESC']] }], order: [['id', 'ASC']] })).map(a => a.Books.map(b => b.title)));
console.log(await Author.findAll({ where: { id: { [Op.in]: sequelize.literal(sequelize.getDialect() === "mysql" ? "(SELECT AuthorId FROM Books WHERE year > 2004)" : `(SELECT "AuthorId" FROM "Books" WHERE "year" > 2004)`) } }, attributes: ['name'], raw: true }));
console.log((await Author.findAll({ include: [{ model: Book, required: true }], limit: 1, subQuery: false })).length);
console.log(await Book.findAll({ attributes: [[sequelize.fn('MAX', sequelize.col('year')), 'latest'], 'AuthorId'], group: 'AuthorId', raw: true, order: [['AuthorId', 'ASC']] }));
console.log(await Author.findAll({ where: { [Op.or]: [{ name: 'A' }, { '$Books.year$': 2010 }] }, include: Book, attributes: ['name'] }).then(r => r.map(a => a.name)));
console.log(await Book.aggregate('year', 'max'), await Book.aggregate('AuthorId', 'count', { distinct: true }));

const Book = sequelize.define('book', { title: DataTypes.STRING, year: DataTypes.INTEGER });
await sequelize.sync({ force: true });
await Book.bulkCreate([{ title: 'A', year: 2001 }, { title: 'B', year: 1999 }, { title: 'C', year: 2010 }]);
try {
  await Book.findAll({ where: { year: undefined } });
} catch (e) {
  console.log(e.name, e.message);
}
console.log(await Book.findByPk(undefined), await Book.findByPk(null));
console.log((await Book.findAll({ limit: '2', offset: '1', order: [['year', 'ASC']] })).map((b) => b.title));
try {
  await Book.findAll({ order: [['published', 'DESC']] });
} catch (e) {
  console.log(e.name, e.message);
}
const b = await Book.create({ title: 'D', year: 2020, pages: 100 });
console.log(String(b.pages), String(b.get('pages')), Object.keys(b.toJSON()));
console.log((await Book.findAll({ where: { year: [1999, 2010] }, order: [['id', 'ASC']] })).map((x) => x.title));
console.log((await Book.findOne({ where: { title: 'zzz' } })) === null);

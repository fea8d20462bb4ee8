const { Op: StaticOp } = Sequelize;
const Movie = sequelize.define('movie', { title: DataTypes.STRING, year: DataTypes.INTEGER, rating: DataTypes.FLOAT });
await sequelize.sync({ force: true });
await Movie.bulkCreate([
  { title: 'Alien', year: 1979, rating: 8.5 },
  { title: 'Aliens', year: 1986, rating: 8.4 },
  { title: 'Heat', year: 1995, rating: 8.3 },
]);
console.log((await Movie.findAll({ where: { year: { [Sequelize.Op.gt]: 1980 } } })).map((m) => m.title));
console.log((await Movie.findAll({ where: { title: { [StaticOp.startsWith]: 'Al' } }, order: [[Sequelize.col('year'), 'DESC']] })).map((m) => m.title));
console.log(await Movie.findAll({ attributes: [[Sequelize.fn('MAX', Sequelize.col('rating')), 'best']], raw: true }));
console.log((await Movie.findAll({ where: Sequelize.where(Sequelize.fn('length', Sequelize.col('title')), 4) })).map((m) => m.title));
console.log((await Movie.findAll({ order: Sequelize.literal('year DESC'), limit: 1 })).map((m) => m.title));
console.log((await Movie.findAll({ where: Sequelize.and({ year: { [Op.lt]: 1990 } }, Sequelize.or({ title: 'Alien' }, { rating: { [Op.lt]: 8.45 } })) })).map((m) => m.title));
console.log(typeof Sequelize.DataTypes.STRING, Sequelize.STRING === DataTypes.STRING);

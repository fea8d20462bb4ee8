const Artist = sequelize.define('artist', { name: DataTypes.STRING, country: DataTypes.STRING });
const Album = sequelize.define('album', { title: DataTypes.STRING, year: DataTypes.INTEGER, sales: DataTypes.INTEGER });
Artist.hasMany(Album);
Album.belongsTo(Artist);
await sequelize.sync({ force: true });
const [x, y] = await Artist.bulkCreate([{ name: 'X', country: 'UK' }, { name: 'Y', country: 'US' }]);
await Album.bulkCreate([
  { title: 'a1', year: 1990, sales: 100, artistId: x.id },
  { title: 'a2', year: 1995, sales: 300, artistId: x.id },
  { title: 'b1', year: 2001, sales: 50, artistId: y.id },
]);
const rows = await Album.findAll({
  attributes: ['title', ['year', 'released']],
  include: [{ model: Artist, attributes: [['name', 'artistName'], 'country'] }],
  order: [['year', 'ASC']],
  raw: true,
  nest: true,
});
console.log(rows);
const best = await Artist.findAll({
  attributes: ['name', [sequelize.fn('MAX', sequelize.col('albums.sales')), 'bestSales'], [sequelize.fn('COUNT', sequelize.col('albums.id')), 'albumCount']],
  include: [{ model: Album, attributes: [] }],
  group: ['artist.id'],
  order: [[sequelize.fn('MAX', sequelize.col('albums.sales')), 'DESC']],
  raw: true,
});
console.log(best);
const decades = await Album.findAll({
  attributes: [[sequelize.literal('(year / 10) * 10'), 'decade'], [sequelize.fn('SUM', sequelize.col('sales')), 'total']],
  group: [sequelize.literal('(year / 10) * 10')],
  order: [[sequelize.literal('(year / 10) * 10'), 'ASC']],
  raw: true,
});
console.log(decades);

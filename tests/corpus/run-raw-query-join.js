const { QueryTypes } = require('sequelize');
const Owner = sequelize.define('owner', { name: DataTypes.STRING }, { underscored: true });
const Pug = sequelize.define('pug', { name: DataTypes.STRING, age: DataTypes.INTEGER }, { underscored: true });
Owner.hasMany(Pug);
Pug.belongsTo(Owner);
await sequelize.sync({ force: true });
await Owner.bulkCreate([{ name: 'Tom' }, { name: 'Ann' }, { name: 'Cy' }]);
await Pug.bulkCreate([{ name: 'Dot', age: 3, ownerId: 1 }, { name: 'Rex', age: 5, ownerId: 1 }, { name: 'Bo', age: 2, ownerId: 2 }]);
const rows = await sequelize.query(
  'SELECT o.name AS owner, p.name AS pug FROM owners AS o INNER JOIN pugs AS p ON p.owner_id = o.id WHERE p.age >= :min ORDER BY p.age DESC',
  { replacements: { min: 3 }, type: QueryTypes.SELECT },
);
console.log(rows);
const all = await sequelize.query(
  'SELECT o.name, COUNT(p.id) AS pugs FROM owners o LEFT JOIN pugs p ON p.owner_id = o.id GROUP BY o.id, o.name ORDER BY o.id',
  { type: QueryTypes.SELECT },
);
console.log(all);
const older = await sequelize.query('SELECT name, age FROM pugs WHERE age BETWEEN 2 AND 4 ORDER BY age', { type: QueryTypes.SELECT });
console.log(older);
const like = await sequelize.query("SELECT id FROM owners WHERE name LIKE 'T%' OR name = ?", { replacements: ['Cy'], type: QueryTypes.SELECT });
console.log(like);

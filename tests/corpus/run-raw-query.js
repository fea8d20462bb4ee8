const { QueryTypes } = require('sequelize');
const Owner = sequelize.define('owner', { name: DataTypes.STRING, age: DataTypes.INTEGER });
const Pug = sequelize.define('pug', { name: DataTypes.STRING });
Owner.hasMany(Pug);
Pug.belongsTo(Owner);
await sequelize.sync({ force: true });
await Owner.bulkCreate([{ name: 'Tom', age: 30 }, { name: 'Ann', age: 25 }, { name: "O'Neil", age: 41 }]);
await Pug.bulkCreate([{ name: 'Dot', ownerId: 1 }, { name: 'Rex', ownerId: 1 }, { name: 'Bo', ownerId: 2 }]);
const owners = await sequelize.query('SELECT "id", "name" FROM "owners" WHERE "age" > :age ORDER BY "id"', {
  replacements: { age: 26 },
  type: QueryTypes.SELECT,
});
console.log(owners);
const [rows] = await sequelize.query('SELECT "name" FROM "owners" WHERE "name" = ?', { replacements: ["O'Neil"] });
console.log(rows);
const named = await sequelize.query('SELECT * FROM "pugs" WHERE "ownerId" IN (:ids) ORDER BY "name" DESC', {
  replacements: { ids: [1, 2] },
  type: sequelize.QueryTypes.SELECT,
});
console.log(named.map((p) => [p.name, p.ownerId]));
const bound = await sequelize.query('SELECT "name" FROM "owners" WHERE "id" = $1', { bind: [2], type: QueryTypes.SELECT });
console.log(bound);
const counts = await sequelize.query('SELECT "ownerId", COUNT(*) AS "n" FROM "pugs" GROUP BY "ownerId" ORDER BY "ownerId"', { type: QueryTypes.SELECT });
console.log(counts);
const asModels = await sequelize.query('SELECT * FROM "owners" WHERE "age" < 40', { model: Owner, mapToModel: true });
console.log(asModels.map((o) => o.name), asModels[0] instanceof Owner);
const one = await sequelize.query('SELECT "name" FROM "owners" ORDER BY "age" DESC LIMIT 1', { type: QueryTypes.SELECT, plain: true });
console.log(one);

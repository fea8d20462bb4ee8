// Model.aggregate, Model.bulkBuild and the model's own properties.
const P = sequelize.define('P', { price: DataTypes.INTEGER, kind: DataTypes.STRING });
await sequelize.sync({ force: true });
await P.bulkCreate([{ price: 3, kind: 'a' }, { price: 5, kind: 'b' }]);
console.log(await P.aggregate('price', 'sum'), await P.aggregate('price', 'max', { where: { kind: 'a' } }));
const built = P.bulkBuild([{ price: 1 }, { price: 2 }]);
console.log(built.length, built[0].isNewRecord, built.map((b) => b.price));
console.log(P.primaryKeyAttribute, P.tableName, Object.keys(P.rawAttributes), P.name);

const { Sequelize, DataTypes } = require('sequelize');
const sequelize = new Sequelize('sqlite::memory:');

const Library = sequelize.define('Library', { name: DataTypes.STRING });
Library.associate = (models) => {
  Library.hasMany(models.Shelf, { as: 'shelves' });
};

const Shelf = sequelize.define('Shelf', { label: DataTypes.STRING });
Shelf.associate = (models) => {
  Shelf.belongsTo(models.Library);
};

Object.values(sequelize.models)
  .filter((model) => typeof model.associate === 'function')
  .forEach((model) => model.associate(sequelize.models));

(async () => {
  await sequelize.sync({ force: true });
  const library = await Library.create({ name: 'Central' });
  await library.createShelf({ label: 'A' });
  const shelves = await Shelf.findAll({ include: Library });
  console.log(shelves.map((s) => `${s.label} @ ${s.Library.name}`));
  console.log(Object.entries(sequelize.models).map(([name, model]) => `${name} -> ${model.tableName}`));
})();

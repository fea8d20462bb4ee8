const { Sequelize, DataTypes } = require('sequelize');
const sequelize = new Sequelize('sqlite::memory:');

const definitions = {
  Author: { name: DataTypes.STRING },
  Book: { title: DataTypes.STRING, year: DataTypes.INTEGER },
  Genre: { label: DataTypes.STRING },
};

const models = {};
for (const [name, attributes] of Object.entries(definitions)) {
  models[name] = sequelize.define(name, attributes);
}

models.Author.hasMany(models.Book);
models.Book.belongsTo(models.Author);
models.Book.belongsToMany(models.Genre, { through: 'BookGenres' });
models.Genre.belongsToMany(models.Book, { through: 'BookGenres' });

(async () => {
  await sequelize.sync({ force: true });
  console.log(Object.keys(sequelize.models));
})();

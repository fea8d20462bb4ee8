const { Sequelize, DataTypes } = require('sequelize');
const sequelize = new Sequelize('sqlite::memory:', { logging: false });

const Recipe = sequelize.define('Recipe', { name: DataTypes.STRING }, { timestamps: false });
const Ingredient = sequelize.define('Ingredient', { name: DataTypes.STRING, grams: DataTypes.INTEGER }, { timestamps: false });
Recipe.hasMany(Ingredient, { as: 'ingredients' });
Ingredient.belongsTo(Recipe);

(async () => {
  await sequelize.sync({ force: true });
  const pancakes = await Recipe.create({ name: 'Pancakes' });
  await Ingredient.bulkCreate([
    { name: 'flour', grams: 200, RecipeId: pancakes.id },
    { name: 'milk', grams: 300, RecipeId: pancakes.id },
  ]);
  const recipe = await Recipe.findOne({ where: { name: 'Pancakes' }, include: 'ingredients' });
  console.log(JSON.stringify(recipe.get({ plain: true }), null, 2));
  const rows = await Ingredient.findAll({ raw: true, order: [['grams', 'DESC']] });
  console.log(rows.map((r) => r.name));
})();

const { Sequelize, DataTypes } = require('sequelize');
const sequelize = new Sequelize('sqlite::memory:');

const Category = sequelize.define('Category', { name: DataTypes.STRING });
Category.hasMany(Category, { as: 'children', foreignKey: 'parentId' });
Category.belongsTo(Category, { as: 'parent', foreignKey: 'parentId' });

(async () => {
  await sequelize.sync({ force: true });
  const root = await Category.create({ name: 'Electronics' });
  await root.createChild({ name: 'Phones' });
  await root.createChild({ name: 'Laptops' });
  const tree = await Category.findOne({
    where: { parentId: null },
    include: [{ model: Category, as: 'children' }],
    order: [[{ model: Category, as: 'children' }, 'name', 'ASC']],
  });
  console.log(tree.name, tree.children.map(c => c.name));
  const phone = await Category.findOne({ where: { name: 'Phones' }, include: 'parent' });
  console.log(phone.parent.name);
})();

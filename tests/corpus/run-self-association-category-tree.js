const Category = sequelize.define('category', { name: DataTypes.STRING });
Category.hasMany(Category, { as: 'children', foreignKey: 'parentId' });
Category.belongsTo(Category, { as: 'parent', foreignKey: 'parentId' });
await sequelize.sync({ force: true });
const root = await Category.create({ name: 'root' });
const a = await Category.create({ name: 'a', parentId: root.id });
const b = await Category.create({ name: 'b', parentId: root.id });
await Category.create({ name: 'a1', parentId: a.id });
const tree = await Category.findOne({
  where: { parentId: null },
  include: [{ model: Category, as: 'children', include: [{ model: Category, as: 'children' }] }],
  order: [[{ model: Category, as: 'children' }, 'name', 'ASC']],
});
const show = (c) => ({ name: c.name, children: (c.children || []).map(show) });
console.log(JSON.stringify(show(tree)));
const withParent = await Category.findAll({ include: [{ model: Category, as: 'parent', attributes: ['name'] }], order: [['id', 'ASC']] });
console.log(withParent.map((c) => `${c.name}<${c.parent ? c.parent.name : '-'}`));
console.log((await a.getChildren()).map((c) => c.name), (await b.getParent()).name, await root.countChildren());

const Item = sequelize.define('item', { name: DataTypes.STRING, qty: DataTypes.INTEGER });
(async () => {
  await sequelize.sync({ force: true });
  const names = ['a', 'b', 'c'];
  const created = await Promise.all(names.map((name, i) => Item.create({ name, qty: i * 2 })));
  console.log(created.length);
  const items = await Item.findAll({ order: [['name', 'ASC']] });
  const total = items.reduce((sum, item) => sum + item.qty, 0);
  console.log(`total ${total}`);
  console.dir(items.map((i) => i.get({ plain: true })), { depth: null });
  console.log(items.filter((i) => i.qty > 0).map(({ name, qty }) => ({ name, qty })));
  const byName = Object.fromEntries(items.map((i) => [i.name, i.qty]));
  console.log(byName);
  for await (const item of items) {
    await item.increment('qty');
  }
  console.log((await Item.findAll({ raw: true, attributes: ['qty'], order: [['id', 'ASC']] })).map((r) => r.qty));
  const plain = items[0].toJSON();
  delete plain.createdAt;
  delete plain.updatedAt;
  console.log({ ...plain, extra: true });
  console.log(Array.isArray(items), typeof items[0], items[0] instanceof Item);
})();

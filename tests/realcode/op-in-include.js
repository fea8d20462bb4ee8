const { Sequelize, DataTypes, Op } = require('sequelize');
const sequelize = new Sequelize('sqlite::memory:');

const Store = sequelize.define('Store', { city: DataTypes.STRING });
const Item = sequelize.define('Item', { name: DataTypes.STRING, price: DataTypes.INTEGER });
Store.hasMany(Item, { as: 'inventory' });
Item.belongsTo(Store);

(async () => {
  await sequelize.sync({ force: true });
  const stores = await Store.bulkCreate([{ city: 'Oslo' }, { city: 'Bergen' }, { city: 'Tromso' }]);
  await Item.bulkCreate([
    { name: 'Lamp', price: 30, StoreId: stores[0].id },
    { name: 'Desk', price: 200, StoreId: stores[1].id },
    { name: 'Mug', price: 5, StoreId: stores[2].id },
  ]);
  const found = await Store.findAll({
    where: { city: { [Op.in]: ['Oslo', 'Bergen'] } },
    include: [{ model: Item, as: 'inventory', where: { price: { [Op.lt]: 100 } }, required: false }],
    order: [['city', 'ASC']],
  });
  console.log(JSON.stringify(found.map(s => ({ city: s.city, cheap: s.inventory.map(i => i.name) })), null, 2));
})();

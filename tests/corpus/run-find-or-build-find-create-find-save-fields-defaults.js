// findOrBuild and findCreateFind; bulkCreate's ignoreDuplicates and updateOnDuplicate; save({ fields })
// leaving the other attributes changed and the omitted columns at their DDL default.
const Item = sequelize.define('Item', { sku: { type: DataTypes.STRING, unique: true }, name: DataTypes.STRING, qty: { type: DataTypes.INTEGER, defaultValue: 0 } });
await sequelize.sync({ force: true });
await Item.bulkCreate([{ sku: 'A1', name: 'Apple', qty: 3 }, { sku: 'B2', name: 'Bean', qty: 1 }]);
const [built, isNew] = await Item.findOrBuild({ where: { sku: 'C3' }, defaults: { name: 'Corn' } });
console.log(isNew, built.isNewRecord, built.name, built.id);
await built.save();
const [found, created] = await Item.findCreateFind({ where: { sku: 'A1' }, defaults: { name: 'X' } });
console.log(created, found.name);
const [fresh, made] = await Item.findCreateFind({ where: { sku: 'D4' }, defaults: { name: 'Date' } });
console.log(made, fresh.name, fresh.id);
await Item.bulkCreate([{ sku: 'A1', name: 'Apricot' }, { sku: 'E5', name: 'Egg' }], { ignoreDuplicates: true });
console.log((await Item.findAll({ order: [['id', 'ASC']] })).map((i) => `${i.sku}:${i.name}`));
await Item.bulkCreate([{ sku: 'A1', name: 'Avocado', qty: 9 }, { sku: 'F6', name: 'Fig', qty: 2 }], { updateOnDuplicate: ['name', 'qty'] });
console.log((await Item.findAll({ order: [['id', 'ASC']] })).map((i) => `${i.sku}:${i.name}:${i.qty}`));
const item = Item.build({ sku: 'G7', name: 'Grape' });
item.set({ qty: 4, name: 'Green grape' });
console.log(item.changed(), item.isNewRecord);
await item.save({ fields: ['sku', 'name'] });
console.log(item.qty, (await Item.findOne({ where: { sku: 'G7' } })).qty);
item.name = 'Grapes';
item.changed('qty', true);
await item.save();
const n = await Item.destroy({ where: { qty: 0 } });
console.log(n, await Item.count());

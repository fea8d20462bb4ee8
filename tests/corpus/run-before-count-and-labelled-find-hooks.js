// beforeCount changing the options of a count (a tenant filter), beside a find hook that
// adds the same filter; a hook's options object holds what the call was given.
const { Sequelize, DataTypes } = require('sequelize');
const sequelize = new Sequelize('sqlite::memory:', { logging: false });
const Doc = sequelize.define('Doc', { title: DataTypes.STRING, tenant: DataTypes.STRING });
Doc.addHook('beforeCount', (options) => {
  options.where = { ...(options.where || {}), tenant: 'acme' };
});
Doc.addHook('beforeFind', 'tenant', (options) => {
  console.log('find options', Object.keys(options));
  options.where = { ...(options.where || {}), tenant: 'acme' };
});
await sequelize.sync();
await Doc.bulkCreate([{ title: 'a', tenant: 'acme' }, { title: 'b', tenant: 'zeta' }, { title: 'c', tenant: 'acme' }]);
console.log(await Doc.count(), await Doc.count({ where: { title: 'b' } }));
console.log((await Doc.findAll({ order: [['id', 'ASC']] })).map((d) => d.title));
Doc.removeHook('beforeFind', 'tenant');
console.log((await Doc.findAll({ order: [['id', 'ASC']] })).map((d) => d.title));

// Hooks of every model: sequelize.addHook, the Sequelize options' hooks and define's,
// their order with a model's own, and removeHook and hasHook.
const { Sequelize, DataTypes } = require('sequelize');
const sequelize = new Sequelize('sqlite::memory:', {
  logging: false,
  define: { hooks: { beforeCreate(r) { console.log('define hook', r.constructor.name); } } },
  hooks: { afterCreate(r) { console.log('options hook', r.constructor.name, r.id); } },
});
sequelize.addHook('beforeCreate', (r) => console.log('global', r.constructor.name));
const Note = sequelize.define('Note', { n: DataTypes.INTEGER });
const Tag = sequelize.define('Tag', { label: DataTypes.STRING }, { hooks: { beforeCreate(t) { t.label = t.label.toUpperCase(); } } });
Note.beforeCreate((r) => { r.n = (r.n || 0) + 1; });
await sequelize.sync();
const a = await Note.create({ n: 1 });
console.log(a.n);
const t = await Tag.create({ label: 'x' });
console.log(t.label);
console.log(Note.hasHook('beforeCreate'), Note.hasHook('afterDestroy'));
Note.removeHook('beforeCreate');
const b = await Note.create({ n: 5 });
console.log(b.n);

// Values of the wrong type for a column: an ENUM's unknown value, text for an integer,
// an object for a string, a bad date, and what each database says or Sequelize checks.
const { Sequelize, DataTypes } = require('sequelize');
const sequelize = new Sequelize('sqlite::memory:', { logging: false });
const Task = sequelize.define('Task', {
  title: DataTypes.STRING,
  status: { type: DataTypes.ENUM('open', 'done'), defaultValue: 'open' },
  points: DataTypes.INTEGER,
  due: DataTypes.DATE,
});
await sequelize.sync();
const attempt = async (label, values) => {
  try {
    const t = await Task.create(values);
    console.log(label, 'ok', t.status, t.points, t.title);
  } catch (e) {
    console.log(label, e.name, e.message);
  }
};
await attempt('enum', { title: 'a', status: 'later' });
await attempt('object', { title: { text: 'x' } });
await attempt('array', { title: ['x'] });
// SQLite keeps the text 'Invalid date'; the playground's DATE column cannot, and says so.
if (sequelize.getDialect() !== 'sqlite') await attempt('date', { title: 'b', due: 'not a date' });
await attempt('number text', { title: 'c', points: '12' });
await attempt('float', { title: 'd', points: 2.5 });
console.log(await Task.count());
try {
  await Task.findAll({ where: { status: 'later' } });
  console.log('find ok');
} catch (e) {
  console.log('find', e.name, e.message);
}

// Conditions inside a JSON column: a nested object, a dotted key, an operator on a
// nested number, and ordering the rows found.
const { Sequelize, DataTypes, Op } = require('sequelize');
const sequelize = new Sequelize('sqlite::memory:', { logging: false });
const Event = sequelize.define('Event', { title: DataTypes.STRING, details: DataTypes.JSON });
await sequelize.sync();
await Event.bulkCreate([
  { title: 'Launch', details: { seats: 40, venue: { city: 'Oslo' }, online: false } },
  { title: 'Retro', details: { seats: 8, venue: { city: 'Rome' }, online: true } },
  { title: 'Demo', details: { seats: 120, venue: { city: 'Oslo' } } },
]);
const inOslo = await Event.findAll({ where: { details: { venue: { city: 'Oslo' } } }, attributes: ['title'], order: [['id', 'ASC']] });
console.log(inOslo.map((e) => e.title));
const big = await Event.findAll({ where: { details: { seats: { [Op.gt]: 20 } } }, attributes: ['title'], order: [['id', 'ASC']] });
console.log(big.map((e) => e.title));
const dotted = await Event.findAll({ where: { 'details.venue.city': 'Rome' }, attributes: ['title'] });
console.log(dotted.map((e) => e.title));
const online = await Event.count({ where: { details: { online: true } } });
console.log(online);
const ranged = await Event.findAll({
  where: { details: { seats: { [Op.gte]: 8, [Op.lt]: 100 }, venue: { city: 'Oslo' } } },
  attributes: ['title'],
});
console.log(ranged.map((e) => e.title));
const listed = await Event.findAll({ where: { details: { venue: { city: { [Op.in]: ['Rome', 'Paris'] } } } }, attributes: ['title'] });
console.log(listed.map((e) => e.title));
const unset = await Event.findAll({ where: { details: { online: null } }, attributes: ['title'] });
console.log(unset.map((e) => e.title));
const [renamed] = await Event.update({ title: 'Retro 2' }, { where: { details: { venue: { city: 'Rome' } } } });
console.log(renamed);
console.log(await Event.destroy({ where: { 'details.seats': 120 } }), await Event.count());
const mixed = await Event.findOne({ where: { title: { [Op.like]: 'L%' }, 'details.online': false } });
console.log(mixed.title, mixed.details.venue);
const [loud] = await Event.update({ title: 'LAUNCH' }, { where: sequelize.where(sequelize.fn('lower', sequelize.col('title')), 'launch') });
console.log(loud, (await Event.findAll({ attributes: ['title'], order: [['id', 'ASC']] })).map((e) => e.title));
console.log(await Event.destroy({ where: sequelize.where(sequelize.fn('length', sequelize.col('title')), { [Op.gt]: 6 }) }), await Event.count());

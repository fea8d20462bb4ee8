// Raw rows with dates, JSON and booleans on each database: raw finds, nested raw
// includes, sequelize.query, and aggregates of a date.
const { Sequelize, DataTypes, QueryTypes } = require('sequelize');
const sequelize = new Sequelize('sqlite::memory:');
const Event = sequelize.define('Event', {
  title: DataTypes.STRING,
  startsAt: DataTypes.DATE,
  details: DataTypes.JSON,
  public: DataTypes.BOOLEAN,
});
const Venue = sequelize.define('Venue', { name: DataTypes.STRING, openedOn: DataTypes.DATEONLY });
Venue.hasMany(Event);
Event.belongsTo(Venue);
await sequelize.sync();
const hall = await Venue.create({ name: 'Hall', openedOn: '2019-05-01' });
await Event.bulkCreate([
  { title: 'Launch', startsAt: new Date(Date.UTC(2024, 2, 1, 18, 30)), details: { seats: 40, tags: ['a'] }, public: true, VenueId: hall.id },
  { title: 'Retro', startsAt: '2024-03-05T09:00:00.000Z', details: null, public: false, VenueId: hall.id },
]);
console.log(await Event.findAll({ attributes: ['title', 'startsAt', 'details', 'public'], raw: true, order: [['id', 'ASC']] }));
console.log(await Event.findAll({ attributes: ['title', 'startsAt'], include: { model: Venue, attributes: ['name', 'openedOn'] }, raw: true, nest: true, order: [['id', 'ASC']] }));
const q = sequelize.getDialect() === 'postgres' ? (name) => `"${name}"` : (name) => name;
const rows = await sequelize.query(`SELECT title, ${q('startsAt')}, public FROM ${q('Events')} ORDER BY id`, { type: QueryTypes.SELECT });
console.log(rows);
console.log(await Event.max('startsAt'), await Event.min('startsAt'));
const one = await Event.findOne({ where: { title: 'Launch' }, raw: true });
console.log(typeof one.startsAt, typeof one.details, one.public);
const inst = await Event.findOne({ where: { title: 'Launch' } });
console.log(inst.startsAt instanceof Date, inst.details.seats, inst.public);

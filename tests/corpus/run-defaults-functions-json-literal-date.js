// Defaults that are not plain values: a function (called at each build), an object for
// a JSON column, a SQL literal and sequelize.fn, a Date.
const { Sequelize, DataTypes } = require('sequelize');
const sequelize = new Sequelize('sqlite::memory:');
let serial = 100;
const Ticket = sequelize.define('Ticket', {
  code: { type: DataTypes.STRING, defaultValue: () => `T-${++serial}` },
  label: { type: DataTypes.STRING, defaultValue: () => 'new'.toUpperCase() },
  meta: { type: DataTypes.JSON, defaultValue: {} },
  tags: { type: DataTypes.JSON, defaultValue: [] },
  opened: { type: DataTypes.DATE, defaultValue: sequelize.literal('CURRENT_TIMESTAMP') },
  since: { type: DataTypes.DATE, defaultValue: new Date(Date.UTC(2020, 0, 2)) },
});
const Queue = sequelize.define('Queue', { name: DataTypes.STRING });
Queue.hasMany(Ticket);
await sequelize.sync();
const a = await Ticket.create({});
console.log(a.code, a.label, a.meta, a.tags, a.since);
const b = await Ticket.create({ code: 'mine' });
console.log(b.code, serial);
const built = Ticket.build();
console.log(built.code, built.changed());
await Ticket.bulkCreate([{}, { label: 'x' }]);
console.log(await Ticket.findAll({ attributes: ['id', 'code', 'label', 'meta', 'tags', 'since'], raw: true }));
const q = await Queue.create({ name: 'desk' });
const c = await q.createTicket({ label: 'from queue' });
console.log(c.code, c.label, c.QueueId === q.id, serial);
const found = await Ticket.findByPk(c.id);
console.log(found.code, serial);
const q2 = await Queue.create({ name: 'web', Tickets: [{ label: 'n1' }, {}] }, { include: Ticket });
console.log(q2.Tickets.map((t) => `${t.code}/${t.label}`), serial);

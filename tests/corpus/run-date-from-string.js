const Event = sequelize.define('event', { title: DataTypes.STRING, startsAt: DataTypes.DATE });
await sequelize.sync({ force: true });
await Event.create({ title: 'Launch', startsAt: '2024-01-02T03:04:05.000Z' });
await Event.create({ title: 'Party', startsAt: '2024-06-30' });
const launch = await Event.findOne({ where: { title: 'Launch' } });
launch.startsAt = '2025-12-31T23:59:59.999Z';
await launch.save();
console.log(await Event.findAll({ order: [['id', 'ASC']] }));

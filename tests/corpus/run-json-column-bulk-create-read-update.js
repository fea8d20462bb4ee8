const Event = sequelize.define('event', { name: DataTypes.STRING, data: DataTypes.JSON });
await sequelize.sync({ force: true });
await Event.bulkCreate([
  { name: 'signup', data: { user: { id: 1, plan: 'free' }, tags: ['a'] } },
  { name: 'upgrade', data: { user: { id: 1, plan: 'pro' }, amount: 20 } },
  { name: 'signup', data: { user: { id: 2, plan: 'free' } } },
]);
console.log((await Event.findAll({ where: { name: 'signup' }, order: [['id', 'ASC']] })).map((e) => e.data.user.plan));
const e = await Event.findByPk(1);
e.data = { ...e.data, seen: true };
await e.save();
console.log((await Event.findByPk(1)).data);

const Seat = sequelize.define('seat', { label: DataTypes.STRING, taken: { type: DataTypes.BOOLEAN, defaultValue: false } });
await sequelize.sync({ force: true });
await Seat.bulkCreate([{ label: 'A1' }, { label: 'A2' }]);
const result = await sequelize.transaction(async (t) => {
  const seat = await Seat.findOne({ where: { taken: false }, lock: true, transaction: t });
  seat.taken = true;
  await seat.save({ transaction: t });
  t.afterCommit(() => console.log('committed'));
  return seat.label;
});
console.log(result);
const t2 = await sequelize.transaction();
const locked = await Seat.findAll({ where: { taken: false }, lock: t2.LOCK.UPDATE, transaction: t2 });
console.log(locked.length);
await t2.rollback();
console.log(await Seat.count({ where: { taken: true } }));

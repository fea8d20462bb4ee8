// A transaction inside another ({ transaction: t }) is a savepoint: its failure rolls back to it,
// the outer commits; t.finished says how a transaction ended.
const Acct = sequelize.define('Acct', { owner: DataTypes.STRING, balance: DataTypes.INTEGER });
await sequelize.sync({ force: true });
await Acct.bulkCreate([{ owner: 'A', balance: 100 }, { owner: 'B', balance: 50 }]);
await sequelize.transaction(async (t) => {
  await Acct.decrement('balance', { by: 10, where: { owner: 'A' }, transaction: t });
  try {
    await sequelize.transaction({ transaction: t }, async (t2) => {
      await Acct.increment('balance', { by: 10, where: { owner: 'B' }, transaction: t2 });
      throw new Error('inner fails');
    });
  } catch (e) {
    console.log('inner:', e.message);
  }
});
console.log((await Acct.findAll({ order: ['id'] })).map((a) => `${a.owner}:${a.balance}`));
const t = await sequelize.transaction();
t.afterCommit(() => console.log('committed!'));
await Acct.update({ balance: 0 }, { where: { owner: 'B' }, transaction: t });
await t.commit();
console.log(t.finished);

// Hooks that keep an audit log, individual hooks on bulk writes, a managed transaction.
const Account = sequelize.define('account', {
  owner: { type: DataTypes.STRING, allowNull: false },
  balance: { type: DataTypes.INTEGER, defaultValue: 0, validate: { min: 0 } },
});
const Audit = sequelize.define('audit', { action: DataTypes.STRING, detail: DataTypes.STRING }, { updatedAt: false });
Account.hasMany(Audit);
Audit.belongsTo(Account);
Account.afterCreate(async (account, options) => {
  await Audit.create({ action: 'open', detail: account.owner, accountId: account.id }, { transaction: options.transaction });
});
Account.beforeUpdate((account) => {
  if (account.changed('balance')) {
    console.log(`balance ${account.previous('balance')} -> ${account.balance}`);
  }
});
Account.afterDestroy((account) => console.log('closed', account.owner));
await sequelize.sync({ force: true });
const a = await Account.create({ owner: 'ann', balance: 100 });
const b = await Account.create({ owner: 'bob', balance: 20 });
async function transfer(from, to, amount) {
  return sequelize.transaction(async (t) => {
    const source = await Account.findByPk(from, { transaction: t });
    const target = await Account.findByPk(to, { transaction: t });
    if (source.balance < amount) throw new Error(`insufficient funds: ${source.balance} < ${amount}`);
    await source.update({ balance: source.balance - amount }, { transaction: t });
    await target.increment('balance', { by: amount, transaction: t });
    await Audit.create({ action: 'transfer', detail: `${amount}`, accountId: from }, { transaction: t });
    return source.balance;
  });
}
console.log(await transfer(a.id, b.id, 30));
try {
  await transfer(b.id, a.id, 500);
} catch (err) {
  console.log('rolled back:', err.message);
}
console.log((await Account.findAll({ order: [['id', 'ASC']], raw: true })).map((x) => `${x.owner}=${x.balance}`));
await Account.update({ balance: 0 }, { where: { owner: 'bob' }, individualHooks: true });
await Account.destroy({ where: { owner: 'bob' }, individualHooks: true });
const audits = await Audit.findAll({ include: [{ model: Account, attributes: ['owner'] }], order: [['id', 'ASC']] });
console.log(audits.map((x) => `${x.action}:${x.detail}:${x.account ? x.account.owner : '-'}`));
try {
  await Account.bulkCreate([{ owner: 'cy', balance: 5 }, { owner: 'dee', balance: -1 }], { validate: true });
} catch (err) {
  console.log(err.name, err.errors ? err.errors.length : err.message);
}
console.log(await Account.count(), await Audit.count());

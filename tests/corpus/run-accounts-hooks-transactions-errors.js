const Account = sequelize.define('account', {
  email: { type: DataTypes.STRING, allowNull: false, unique: true, validate: { isEmail: { msg: 'Email is invalid' } } },
  balance: { type: DataTypes.INTEGER, defaultValue: 0, validate: { min: 0 } },
});
const Transfer = sequelize.define('transfer', { amount: DataTypes.INTEGER });
Account.hasMany(Transfer, { foreignKey: { name: 'accountId', allowNull: false } });
Transfer.belongsTo(Account, { foreignKey: { name: 'accountId', allowNull: false } });
Account.afterCreate(async (account, options) => {
  await Transfer.create({ amount: 0, accountId: account.id }, { transaction: options.transaction });
});
await sequelize.sync({ force: true });
const a = await Account.create({ email: 'a@x.io', balance: 10 });
console.log(await Transfer.count());
try {
  await Account.create({ email: 'not-an-email' });
} catch (err) {
  console.log(err.name, err.message);
}
try {
  await Account.create({ email: 'a@x.io' });
} catch (err) {
  console.log(err.name, err.errors[0].path, err.errors[0].message);
}
try {
  await Transfer.create({ amount: 5, accountId: 99 });
} catch (err) {
  console.log(err.name, String(err.table), String(JSON.stringify(err.fields)), String(err.index));
}
try {
  await sequelize.transaction(async (t) => {
    await a.update({ balance: 5 }, { transaction: t });
    await Transfer.create({ amount: -5, accountId: a.id }, { transaction: t });
    throw new Error('abort');
  });
} catch (err) {
  console.log(err.message);
}
await a.reload();
console.log(a.balance, await Transfer.count());
const t = await sequelize.transaction();
try {
  await Account.create({ email: 'b@x.io', balance: 3 }, { transaction: t });
  await t.commit();
} catch (err) {
  await t.rollback();
}
console.log(await Account.count());
const missing = await Account.findOne({ where: { email: 'zz@x.io' } });
console.log(missing?.email ?? 'none');
try {
  await a.update({ balance: -1 });
} catch (err) {
  console.log(err.name, err.errors.map((e) => `${e.path}: ${e.message}`));
}
await Account.update({ balance: 1 }, { where: {}, individualHooks: true });
console.log((await Account.findAll({ order: [['id', 'ASC']] })).map((x) => x.balance));

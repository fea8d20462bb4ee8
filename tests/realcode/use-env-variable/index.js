const { sequelize, Account, Transaction } = require('./models');

(async () => {
  await sequelize.sync({ force: true });
  const account = await Account.create({ ownerName: 'Lee', openedOn: '2023-03-01' });
  await account.createTransaction({ amountCents: 1250, memo: 'coffee' });
  const rows = await Transaction.findAll({ include: 'account' });
  console.log(rows.map((t) => `${t.memo}: ${t.amountCents} (${t.account.ownerName})`));
})();

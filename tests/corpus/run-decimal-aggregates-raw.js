const Invoice = sequelize.define('invoice', { customer: DataTypes.STRING, amount: DataTypes.DECIMAL(10, 2) });
await sequelize.sync({ force: true });
await Invoice.bulkCreate([{ customer: 'a', amount: 10.5 }, { customer: 'a', amount: '4.25' }, { customer: 'b', amount: 7 }]);
console.log(await Invoice.findAll({ attributes: ['customer', [sequelize.fn('SUM', sequelize.col('amount')), 'total'], [sequelize.fn('MAX', sequelize.col('amount')), 'top']], group: ['customer'], order: [['customer', 'ASC']], raw: true }));
console.log((await Invoice.findAll({ raw: true, attributes: ['amount'], order: [['id', 'ASC']] })).map((r) => r.amount));
console.log(await Invoice.sum('amount'), await Invoice.findOne({ where: { amount: { [Op.gt]: 10 } }, attributes: ['customer'], raw: true }));

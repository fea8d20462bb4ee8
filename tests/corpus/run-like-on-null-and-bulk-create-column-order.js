const E = sequelize.define('e', { grade: DataTypes.STRING, n: DataTypes.INTEGER });
await sequelize.sync({ force: true });
await E.bulkCreate([{ grade: 'A' }, { n: 1 }]);
console.log((await E.findAll({ where: { grade: { [Op.like]: 'a' } }, raw: true })).length);
console.log((await E.findAll({ where: { grade: 'a' }, raw: true })).length);
console.log((await E.findAll({ where: { grade: { [Op.notLike]: 'b%' } }, raw: true, attributes: ['grade', 'n'] })));
console.log((await E.findAll({ where: { [Op.or]: [{ grade: { [Op.startsWith]: 'A' } }, { n: 1 }] }, raw: true, attributes: ['n'] })).length);
console.log((await E.findAll({ where: { grade: ['a', 'B'] }, raw: true })).length);

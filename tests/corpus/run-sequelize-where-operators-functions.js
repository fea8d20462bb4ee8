const Person = sequelize.define('person', { name: DataTypes.STRING, born: DataTypes.DATEONLY, score: DataTypes.INTEGER });
await sequelize.sync({ force: true });
await Person.bulkCreate([
  { name: 'Ada', born: '1815-12-10', score: 90 },
  { name: 'alan', born: '1912-06-23', score: 85 },
  { name: 'Grace', born: '1906-12-09', score: 95 },
]);
const a = await Person.findAll({ where: sequelize.where(sequelize.fn('lower', sequelize.col('name')), { [Op.like]: 'a%' }), order: [['id', 'ASC']] });
console.log(a.map((p) => p.name));
const b = await Person.findAll({ where: { [Op.and]: [sequelize.where(sequelize.fn('char_length', sequelize.col('name')), { [Op.gt]: 3 }), { score: { [Op.gte]: 90 } }] } });
console.log(b.map((p) => p.name));
const c = await Person.findAll({ attributes: ['name', [sequelize.fn('upper', sequelize.col('name')), 'shout'], [sequelize.literal('score + 5'), 'curved']], order: [[sequelize.fn('lower', sequelize.col('name')), 'ASC']] });
console.log(c.map((p) => [p.get('shout'), p.get('curved')]));
const d = await Person.findOne({ attributes: [[sequelize.fn('AVG', sequelize.col('score')), 'avg'], [sequelize.fn('MIN', sequelize.col('born')), 'oldest']], raw: true });
console.log(d);
const e = await Person.count({ where: sequelize.where(sequelize.col('score'), Op.gt, 86) });
console.log(e);

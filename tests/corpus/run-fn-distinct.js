const Pug = sequelize.define('pug', { name: DataTypes.STRING, breed: DataTypes.STRING });
await sequelize.sync({ force: true });
await Pug.bulkCreate([{ name: 'Dot', breed: 'pug' }, { name: 'Rex', breed: 'boxer' }, { name: 'Bo', breed: 'pug' }]);
const breeds = await Pug.findAll({ attributes: [[sequelize.fn('DISTINCT', sequelize.col('breed')), 'breed']], order: [['breed', 'ASC']], raw: true });
console.log(breeds);
const counted = await Pug.count({ distinct: true, col: 'breed' });
console.log(counted);
const names = await Pug.findAll({ attributes: [[sequelize.fn('DISTINCT', sequelize.col('breed')), 'kind']], order: [[sequelize.col('kind'), 'DESC']] });
console.log(names.map((p) => p.get('kind')));

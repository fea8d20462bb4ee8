// Double-quoted names in literals, as PostgreSQL answers write them: MySQL reads strings.
const Post = sequelize.define('post', { title: DataTypes.STRING, likes: DataTypes.INTEGER });
await sequelize.sync({ force: true });
await Post.bulkCreate([{ title: 'b', likes: 1 }, { title: 'a', likes: 9 }, { title: 'c', likes: 5 }]);
console.log((await Post.findAll({ order: [[sequelize.literal('"likes"'), 'DESC']], raw: true })).map((p) => p.title));
console.log((await Post.findAll({ order: sequelize.literal('"title" ASC'), raw: true })).map((p) => p.title));
console.log((await Post.findAll({ attributes: ['title', [sequelize.literal('"likes" * 2'), 'double']], raw: true, order: [['id', 'ASC']] })));
console.log((await Post.findAll({ where: sequelize.literal('"likes" > 3'), raw: true, attributes: ['title'] })));
console.log((await Post.findAll({ where: sequelize.where(sequelize.col('likes'), '>', 3), raw: true, attributes: ['title'] })));
console.log((await Post.findAll({ attributes: ['title', [sequelize.literal('`likes` + 1'.replace(/`/g, sequelize.getDialect() === 'postgres' ? '"' : '`')), 'next']], raw: true, order: [['id', 'ASC']] })));

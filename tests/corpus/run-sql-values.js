const Post = sequelize.define('post', { title: DataTypes.STRING, views: DataTypes.INTEGER });
await sequelize.sync({ force: true });
await Post.bulkCreate([{ title: 'a', views: 1 }, { title: 'b', views: 5 }]);
await Post.update({ views: sequelize.literal('views + 1') }, { where: { id: 1 } });
const p = await Post.findByPk(2);
p.views = sequelize.literal('views * 2');
await p.save();
await Post.update({ title: sequelize.fn('upper', sequelize.col('title')) }, { where: {} });
console.log((await Post.findAll({ order: [['id', 'ASC']], raw: true })).map((x) => [x.title, x.views]));

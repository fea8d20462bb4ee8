const Post = sequelize.define('post', { views: DataTypes.INTEGER });
await sequelize.sync({ force: true });
await Post.bulkCreate([{ views: 1 }, { views: 2 }]);
const r = await Post.increment({ views: 2 }, { where: { id: 1 } });
console.log(JSON.stringify(r));
const s = await Post.decrement(['views'], { where: {} });
console.log(JSON.stringify(s));

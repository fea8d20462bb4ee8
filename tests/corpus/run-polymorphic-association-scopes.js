// Polymorphic comments, as in Sequelize's guide: association scopes.
const Image = sequelize.define('image', { url: DataTypes.STRING });
const Video = sequelize.define('video', { title: DataTypes.STRING });
const Comment = sequelize.define('comment', {
  text: DataTypes.STRING,
  commentableId: DataTypes.INTEGER,
  commentableType: DataTypes.STRING,
});
Image.hasMany(Comment, { foreignKey: 'commentableId', constraints: false, scope: { commentableType: 'image' } });
Comment.belongsTo(Image, { foreignKey: 'commentableId', constraints: false });
Video.hasMany(Comment, { foreignKey: 'commentableId', constraints: false, scope: { commentableType: 'video' } });
Comment.belongsTo(Video, { foreignKey: 'commentableId', constraints: false });
await sequelize.sync({ force: true });
const img = await Image.create({ url: 'a.png' });
const vid = await Video.create({ title: 'clip' });
await img.createComment({ text: 'pretty' });
await vid.createComment({ text: 'funny' });
await vid.createComment({ text: 'long' });
console.log((await img.getComments()).map((c) => [c.text, c.commentableType]));
console.log(await vid.countComments());
const withComments = await Video.findAll({ include: Comment, order: [[Comment, 'id', 'ASC']] });
console.log(withComments.map((v) => v.comments.map((c) => c.text)));
const c = await Comment.create({ text: 'loose' });
await img.addComment(c);
console.log((await Comment.findByPk(c.id)).commentableType, await img.countComments());

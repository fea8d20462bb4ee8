const { Sequelize, DataTypes } = require('sequelize');
const sequelize = new Sequelize('sqlite::memory:');

const Writer = sequelize.define('Writer', { penName: DataTypes.STRING });
const Story = sequelize.define('Story', { title: DataTypes.STRING, words: DataTypes.INTEGER });
Writer.hasMany(Story, { as: 'stories', foreignKey: 'writerId' });
Story.belongsTo(Writer, { as: 'writer', foreignKey: 'writerId' });

(async () => {
  await sequelize.sync({ force: true });
  const writer = await Writer.create({ penName: 'Mark Twain' });
  await Story.bulkCreate([
    { title: 'The Celebrated Jumping Frog', words: 2600, writerId: writer.id },
    { title: 'A Dog\'s Tale', words: 5000, writerId: writer.id },
  ]);
  const writers = await Writer.findAll({
    include: [{ association: 'stories', attributes: ['title'] }],
  });
  console.log(JSON.stringify(writers.map((w) => w.toJSON()), null, 2));
})();

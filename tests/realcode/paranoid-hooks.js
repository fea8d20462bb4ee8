const { Sequelize, DataTypes } = require('sequelize');
const sequelize = new Sequelize('sqlite::memory:');

const Folder = sequelize.define('Folder', { name: DataTypes.STRING }, { paranoid: true });
const Document = sequelize.define('Document', { filename: DataTypes.STRING }, { paranoid: true });
Folder.hasMany(Document);
Document.belongsTo(Folder);

(async () => {
  await sequelize.sync({ force: true });
  const folder = await Folder.create({ name: 'Inbox' });
  const doc = await folder.createDocument({ filename: 'a.txt' });
  await folder.createDocument({ filename: 'b.txt' });
  await doc.destroy();
  const remaining = await folder.getDocuments();
  console.log(remaining.map(d => d.filename));
  const all = await Document.findAll({ paranoid: false, order: [['id', 'ASC']] });
  console.log(all.map(d => d.filename));
})();
